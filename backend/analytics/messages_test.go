package analytics

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"ruche/backend/store/storetest"
	"strings"
	"testing"
	"time"

	"ruche/backend/analytics/metric"
	"ruche/backend/fault"
	"ruche/backend/locale"
)

// TestMessagesGetTheirValues makes each error of the package and checks its
// message, in French and English, has every {placeholder} filled.
func TestMessagesGetTheirValues(t *testing.T) {
	ctx := context.Background()
	svc := NewService(storetest.Open(t), time.Now, func(time.Time) string { return "id" })
	var errs []error
	add := func(_ any, err error) { errs = append(errs, err) }
	errs = append(errs,
		Period{From: day(2027, 3, 2), To: day(2027, 3, 1)}.Validate(),
		Period{From: day(2027, 1, 1), To: day(2028, 6, 1)}.Validate())
	obj := ObjectiveInput{Kind: metric.FollowerGrowth, Target: 1, Start: day(2027, 1, 1), Deadline: day(2027, 2, 1)}
	for _, edit := range []func(*ObjectiveInput){
		func(o *ObjectiveInput) { o.Kind = "likes" },
		func(o *ObjectiveInput) { o.Target = 0 },
		func(o *ObjectiveInput) { o.Deadline = day(2026, 1, 1) },
		func(o *ObjectiveInput) { o.Network = "myspace" },
	} {
		in := obj
		edit(&in)
		errs = append(errs, in.Validate())
	}
	add(svc.SaveObjective(ctx, "ws", "gone", obj))
	errs = append(errs, svc.DeleteObjective(ctx, "ws", "gone"))
	manual := ManualInput{Day: day(2027, 1, 1), Kind: metric.AdSpend, Value: 1}
	for _, edit := range []func(*ManualInput){
		func(m *ManualInput) { m.Kind = "likes" },
		func(m *ManualInput) { m.Day = day(2027, 2, 30) },
		func(m *ManualInput) { m.Value = -1 },
		func(m *ManualInput) { m.Kind, m.Subject = metric.Followers, "myspace" },
	} {
		in := manual
		edit(&in)
		errs = append(errs, in.Normalize().Validate())
	}
	errs = append(errs, svc.DeleteManual(ctx, "ws", day(2027, 1, 1), metric.AdSpend, ""))
	header := "date,sessions,users,source/medium\n"
	for _, in := range []string{"", "a,b\n", "sessions\n1\n", "date,source/medium\nx,y\n", header + "\"\n",
		header + strings.Repeat("x", MaxImportBytes), header + strings.Repeat("2026-01-01,1,1,a\n", MaxImportRows+1)} {
		add(ParseGoogleAnalytics(strings.NewReader(in)))
	}
	add(ParseGoogleAnalytics(failingReader{}))
	rows, _ := ParseGoogleAnalytics(strings.NewReader(header + ",1,1,a\nhier,1,1,a\n2026-01-01,x,-1,a\n2026-01-02,,,a\n2026-01-03,1,1,a\n2026-01-03,1,1,a\n2026-01-04,1,1,a,b\n"))
	for _, r := range rows {
		for _, p := range r.Problems {
			errs = append(errs, p)
		}
	}

	seen := map[string]bool{}
	left := regexp.MustCompile(`\{[a-z]+\}`)
	for _, err := range errs {
		var fe *fault.Error
		if !errors.As(err, &fe) {
			t.Errorf("error %v is not a *fault.Error", err)
			continue
		}
		seen[fe.Code] = true
		for _, lang := range locale.Langs {
			msg := locale.Message(lang, fe.Code, fe.Args)
			if !locale.Has(fe.Code) || left.MatchString(msg) {
				t.Errorf("%s message of %s with %v = %q", lang, fe.Code, fe.Args, msg)
			}
		}
	}
	if want := countCodes(t); len(seen) != want {
		t.Errorf("made %d distinct errors, want every one of the package's %d", len(seen), want)
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// countCodes counts the fault.New calls of the package's sources.
func countCodes(t *testing.T) int {
	files, _ := filepath.Glob("*.go")
	re := regexp.MustCompile(`fault\.New\(fault\.\w+, "([^"]+)"\)`)
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n += len(re.FindAllSubmatch(b, -1))
	}
	return n
}

// TestTextsHaveMessages checks every text the dashboard names by code.
func TestTextsHaveMessages(t *testing.T) {
	var codes []string
	for _, k := range []string{"followers", "follower_growth", "follower_growth_percent", "engagement_rate", "engagement_rate_impressions",
		"impressions", "interactions", "publications", "posts_per_week", "regularity", "replies", "replies_per_post",
		"ad_spend", "website_sessions", "website_users"} {
		codes = append(codes, "analytics.kpi."+k, "analytics.how."+k)
	}
	for _, k := range ChartKinds {
		codes = append(codes, "analytics.chart."+string(k))
	}
	for _, s := range []ProgressStatus{Achieved, OnTrack, Behind, Missed, NotStarted, NotMeasured} {
		codes = append(codes, "analytics.progress."+string(s))
	}
	for _, k := range metric.ObjectiveKinds {
		codes = append(codes, "analytics.objective."+string(k), "analytics.objective_short."+string(k))
	}
	codes = append(codes, "analytics.how.best_time", "analytics.how.share_of_voice", "analytics.how.top_posts", "analytics.no_data",
		"analytics.no_pillar", "analytics.all_networks", "analytics.typed", "analytics.deleted", "analytics.freshness", "analytics.axis.followers",
		"analytics.interaction.likes", "analytics.interaction.reposts", "analytics.interaction.replies", "analytics.interaction.quotes")
	for _, c := range codes {
		if !locale.Has(c) {
			t.Errorf("no message %s", c)
		}
	}
}
