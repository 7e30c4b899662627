package text

import (
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"sync"
	"time"
)

// The languages the analyser knows, as ISO 639-1 codes, and "other".
const (
	French  = "fr"
	English = "en"
	Other   = "other"
)

// dictFiles names each language's files in the dictionary file system.
var dictFiles = map[string]string{French: "fr", English: "en_US"}

// Analyzer reads comments and posts in French and English: spelling,
// language, sentiment, intent, brand voice and hashtags. One Analyzer is
// built by the app and shared; it is safe for concurrent use.
//
// Its spelling dictionaries load in the background (Load): until they are
// ready, Check answers everything but spelling, and language detection
// relies on its short word lists instead of the dictionaries.
type Analyzer struct {
	src   fs.FS
	langs map[string]*lexicon // fixed at New

	ready chan struct{} // closed once dicts is set
	mu    sync.Mutex    // guards loading, dicts (before ready), stats, cache
	dicts map[string]*dictionary
	stats LoadStats
	busy  bool
	cache map[string][]string // suggestions by language and word
}

// LoadStats says what loading the dictionaries cost.
type LoadStats struct {
	Duration time.Duration            `json:"duration"`
	Forms    map[string]int           `json:"forms"` // word forms per language
	Bytes    map[string]int           `json:"bytes"` // memory of the word sets per language
	Heap     uint64                   `json:"heap"`  // growth of the Go heap while loading
	Each     map[string]time.Duration `json:"each"`  // load time per language
}

// New returns an analyser whose dictionaries will be read from src (see
// package dict: dict.Files()). It reads the sentiment and intent lexicons,
// which are small; the dictionaries wait for Load.
func New(src fs.FS) (*Analyzer, error) {
	langs, err := loadLexicons()
	if err != nil {
		return nil, ErrLexicon.Because(err)
	}
	return &Analyzer{src: src, langs: langs, ready: make(chan struct{}), cache: map[string][]string{}}, nil
}

// Ready is closed once the dictionaries are loaded.
func (a *Analyzer) Ready() <-chan struct{} { return a.ready }

// isReady reports whether the dictionaries are loaded.
func (a *Analyzer) isReady() bool {
	select {
	case <-a.ready:
		return true
	default:
		return false
	}
}

// Stats returns what loading the dictionaries cost; zero before Ready.
func (a *Analyzer) Stats() LoadStats {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.stats
}

// Load reads and expands the dictionaries, both languages at once, and
// closes Ready. It takes about a second; the app runs it in a goroutine of
// its own at start. A second call while one runs, or after success, returns
// at once; a cancelled ctx stops it and a later call starts again.
func (a *Analyzer) Load(ctx context.Context) error {
	a.mu.Lock()
	if a.busy || a.isReady() {
		a.mu.Unlock()
		return nil
	}
	a.busy = true
	a.mu.Unlock()
	defer func() {
		a.mu.Lock()
		a.busy = false
		a.mu.Unlock()
	}()

	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	type loaded struct {
		lang string
		d    *dictionary
		took time.Duration
		err  error
	}
	results := make(chan loaded, len(dictFiles))
	for lang, base := range dictFiles {
		go func() {
			t := time.Now()
			d, err := a.loadOne(ctx, base)
			results <- loaded{lang, d, time.Since(t), err}
		}()
	}
	dicts := map[string]*dictionary{}
	stats := LoadStats{Forms: map[string]int{}, Bytes: map[string]int{}, Each: map[string]time.Duration{}}
	var firstErr error
	for range dictFiles {
		r := <-results
		if r.err != nil {
			if firstErr == nil {
				firstErr = r.err
			}
			continue
		}
		dicts[r.lang] = r.d
		stats.Forms[r.lang] = r.d.words.n
		stats.Bytes[r.lang] = r.d.words.bytes() + r.d.folded.bytes()
		stats.Each[r.lang] = r.took
	}
	if firstErr != nil {
		return firstErr
	}
	stats.Duration = time.Since(start)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	if after.HeapAlloc > before.HeapAlloc {
		stats.Heap = after.HeapAlloc - before.HeapAlloc
	}
	a.mu.Lock()
	a.dicts = dicts
	a.stats = stats
	a.mu.Unlock()
	close(a.ready)
	return nil
}

func (a *Analyzer) loadOne(ctx context.Context, base string) (*dictionary, error) {
	read := func(name string) ([]byte, error) {
		b, err := fs.ReadFile(a.src, name)
		if err != nil {
			return nil, ErrDictionary.Because(fmt.Errorf("read %s: %w", name, err))
		}
		return b, nil
	}
	aff, err := read(base + ".aff")
	if err != nil {
		return nil, err
	}
	dic, err := read(base + ".dic")
	if err != nil {
		return nil, err
	}
	extra, _ := fs.ReadFile(a.src, base+"_extra.txt") // optional
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	d, err := loadDictionary(ctx, aff, dic, extra)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, ErrDictionary.Because(fmt.Errorf("%s: %w", base, err))
	}
	return d, nil
}

// dict returns the loaded dictionary of lang, nil before Ready.
func (a *Analyzer) dict(lang string) *dictionary {
	if !a.isReady() {
		return nil
	}
	return a.dicts[lang]
}

const maxCachedSuggestions = 4096

// suggestions returns the corrections of the misspelled word w, from a
// cache: while someone types, the same word is checked at every key.
func (a *Analyzer) suggestions(d *dictionary, w string, own wordList, lang string) []string {
	key := lang + "\x00" + w
	if len(own) == 0 {
		a.mu.Lock()
		s, ok := a.cache[key]
		a.mu.Unlock()
		if ok {
			return append([]string{}, s...)
		}
	}
	l := a.langs[lang]
	s := d.suggest(w, own, l.common)
	if len(own) == 0 {
		a.mu.Lock()
		if len(a.cache) >= maxCachedSuggestions {
			clear(a.cache)
		}
		a.cache[key] = s
		a.mu.Unlock()
	}
	return append([]string{}, s...)
}
