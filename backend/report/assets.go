package report

import (
	"context"
	"runtime"
	"sync"
)

// Sizes, in pixels, pictures are scaled down to: the logo is printed at most
// 70 mm wide, a thumbnail 18 mm.
const (
	logoPx  = 600
	thumbPx = 160
)

// job is an image made off the main goroutine (charts, logo, thumbnails)
// while pages are laid out; fpdf itself is used by one goroutine only.
type job struct {
	run  func() (picture, error)
	done chan struct{} // closed once pic and err are set
	pic  picture
	err  error
}

// get waits for j; nil jobs are images that do not exist.
func (j *job) get(ctx context.Context) (picture, error) {
	select {
	case <-j.done:
		return j.pic, j.err
	case <-ctx.Done():
		return picture{}, ctx.Err()
	}
}

// assets are the images of one report, made by a pool of workers owned by
// Render: wait returns once every worker is gone. Workers skip what is left
// when ctx ends.
type assets struct {
	logo   *job   // nil without a logo
	charts []*job // one per chart, nil for a chart not drawn
	thumbs []*job // one per top post, nil without thumbnail
	wg     sync.WaitGroup
}

// startAssets queues the images in page order, logo first, and starts the
// workers.
func startAssets(ctx context.Context, d Data, plans []chartPlan, states []chartState) *assets {
	a := &assets{charts: make([]*job, len(plans)), thumbs: make([]*job, len(d.TopPosts))}
	var queue []*job
	add := func(run func() (picture, error)) *job {
		j := &job{run: run, done: make(chan struct{})}
		queue = append(queue, j)
		return j
	}
	if len(d.Logo) > 0 {
		logo := d.Logo
		a.logo = add(func() (picture, error) { return normalize(logo, logoPx) })
	}
	for i, p := range plans {
		if states[i] != chartReady {
			continue
		}
		a.charts[i] = add(func() (picture, error) {
			png, err := renderChart(p)
			return picture{png: png, w: chartPxW, h: chartPxH}, err
		})
	}
	for i, post := range d.TopPosts {
		if len(post.Thumbnail) > 0 {
			thumb := post.Thumbnail
			a.thumbs[i] = add(func() (picture, error) { return normalize(thumb, thumbPx) })
		}
	}
	jobs := make(chan *job, len(queue))
	for _, j := range queue {
		jobs <- j
	}
	close(jobs)
	for range min(runtime.GOMAXPROCS(0), len(queue)) {
		a.wg.Add(1)
		go func() {
			defer a.wg.Done()
			for j := range jobs {
				if err := ctx.Err(); err != nil {
					j.err = err
				} else {
					j.pic, j.err = j.run()
				}
				close(j.done)
			}
		}()
	}
	return a
}

func (a *assets) wait() { a.wg.Wait() }
