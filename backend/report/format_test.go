package report

import (
	"math"
	"testing"
	"time"

	"ruche/backend/locale"
)

const (
	fr = locale.French
	en = locale.English
)

func TestValue(t *testing.T) {
	tests := []struct {
		lang     locale.Lang
		unit     Unit
		v        float64
		currency string
		want     string
	}{
		{fr, Count, 0, "", "0"},
		{fr, Count, 999, "", "999"},
		{fr, Count, 1234, "", "1\u202f234"},
		{fr, Count, 1234567, "", "1\u202f234\u202f567"},
		{en, Count, 1234567, "", "1,234,567"},
		{fr, Count, -1234, "", "\u22121\u202f234"},
		{fr, Count, 3.25, "", "3,3"}, // an average keeps one decimal, halves away from zero as on screen
		{en, Count, 3.75, "", "3.8"},
		{fr, Average, 14, "", "14,0"}, // per week, per post: one decimal always, as on screen
		{en, Average, 1234.56, "", "1,234.6"},
		{fr, Percent, 12.345, "", "1\u202f234,5\u00a0%"},
		{en, Percent, 12.345, "", "1,234.5%"},
		{fr, Percent, 0.04237, "", "4,2\u00a0%"},
		{fr, Percent, -0.0004, "", "0,0\u00a0%"}, // no minus on a rounded zero
		{fr, Money, 1250, "EUR", "12,50\u00a0€"},
		{en, Money, 1250, "EUR", "€12.50"},
		{fr, Money, 123456, "", "1\u202f234,56\u00a0€"},
		{en, Money, 123456, "eur", "€1,234.56"},
		{en, Money, -1250, "USD", "\u2212$12.50"},
		{fr, Money, 1250, "CHF", "12,50\u00a0CHF"},
		{en, Money, 1250, "CHF", "CHF\u00a012.50"},
		{fr, Duration, 20, "", "<\u00a01\u00a0min"},
		{fr, Duration, 45, "", "1\u00a0min"},
		{fr, Duration, 720, "", "12\u00a0min"},
		{fr, Duration, 7500, "", "2\u00a0h\u00a005"},
		{en, Duration, 7500, "", "2\u00a0h 05\u00a0min"},
		{en, Duration, 7200, "", "2\u00a0h"},
		{fr, Duration, 100800, "", "1\u00a0j 4\u00a0h"},
		{en, Duration, 100800, "", "1\u00a0d 4\u00a0h"},
		{en, Duration, 86400 * 3, "", "3\u00a0d"},
		{fr, Count, math.NaN(), "", "—"},
	}
	for _, tt := range tests {
		if got := value(tt.lang, tt.unit, tt.v, tt.currency); got != tt.want {
			t.Errorf("value(%s, %d, %v, %q) = %q, want %q", tt.lang, tt.unit, tt.v, tt.currency, got, tt.want)
		}
	}
}

func TestChange(t *testing.T) {
	tests := []struct {
		lang      locale.Lang
		cur, prev float64
		want      string
		wantTrend trend
	}{
		{fr, 12345, 11000, "+12,2\u00a0%", trendUp},
		{en, 12345, 11000, "+12.2%", trendUp},
		{fr, 0.04237, 0.05, "\u221215,3\u00a0%", trendDown},
		{en, 42, 42, "0.0%", trendFlat},
		{fr, 3.3001, 3.3, "0,0\u00a0%", trendFlat}, // up by less than what is written: flat
		{fr, 3.2999, 3.3, "0,0\u00a0%", trendFlat},
		{fr, 5, 0, "—", trendNone},
		{en, 2, -4, "+150.0%", trendUp}, // from a loss to a gain: the change is on the loss's size
		{fr, 2000, 100, "+1\u202f900,0\u00a0%", trendUp},
	}
	for _, tt := range tests {
		got, tr := change(tt.lang, tt.cur, tt.prev)
		if got != tt.want || tr != tt.wantTrend {
			t.Errorf("change(%s, %v, %v) = %q, %d, want %q, %d", tt.lang, tt.cur, tt.prev, got, tr, tt.want, tt.wantTrend)
		}
	}
}

func TestDates(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	periods := []struct {
		lang     locale.Lang
		from, to time.Time
		want     string
	}{
		{fr, day(2026, 11, 1), day(2026, 11, 30), "1er – 30 novembre 2026"},
		{en, day(2026, 11, 1), day(2026, 11, 30), "November 1 – 30, 2026"},
		{fr, day(2026, 10, 15), day(2026, 11, 14), "15 octobre – 14 novembre 2026"},
		{en, day(2026, 10, 15), day(2026, 11, 14), "October 15 – November 14, 2026"},
		{fr, day(2025, 12, 15), day(2026, 1, 1), "15 décembre 2025 – 1er janvier 2026"},
		{en, day(2025, 12, 15), day(2026, 1, 14), "December 15, 2025 – January 14, 2026"},
		{fr, day(2026, 8, 1), day(2026, 8, 1), "1er août 2026"},
		{en, day(2026, 8, 1), day(2026, 8, 1), "August 1, 2026"},
	}
	for _, tt := range periods {
		if got := period(tt.lang, tt.from, tt.to); got != tt.want {
			t.Errorf("period(%s, %s, %s) = %q, want %q", tt.lang, tt.from.Format(time.DateOnly), tt.to.Format(time.DateOnly), got, tt.want)
		}
	}
	at := time.Date(2026, 2, 1, 14, 5, 0, 0, time.UTC)
	for _, tt := range []struct{ got, want string }{
		{shortDate(fr, at), "1er févr. 2026"},
		{shortDate(en, at), "Feb 1, 2026"},
		{moment(fr, at), "1er février 2026 à 14:05"},
		{moment(en, at), "February 1, 2026 at 2:05 PM"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestText(t *testing.T) {
	for _, tt := range []struct {
		lang  locale.Lang
		label string
		want  string
	}{
		{fr, "report.kpi.engagement_rate", "Taux d’engagement"},
		{en, "report.kpi.engagement_rate", "Engagement rate"},
		{fr, "Visites boutique", "Visites boutique"},
		{fr, "report.not_a_code", "report.not_a_code"},
		{fr, "internal", "internal"}, // only report codes are looked up
	} {
		if got := text(tt.lang, tt.label); got != tt.want {
			t.Errorf("text(%s, %q) = %q, want %q", tt.lang, tt.label, got, tt.want)
		}
	}
}

func TestColours(t *testing.T) {
	for _, tt := range []struct {
		in       string
		want, on rgb
	}{
		{"#2b6cb0", rgb{0x2b, 0x6c, 0xb0}, white},
		{"#f5a623", honey, ink},
		{"#FFFFFF", white, ink},
		{"#000000", rgb{}, white},
		{"blue", honey, ink},
		{"#12345", honey, ink},
		{"#zzzzzz", honey, ink},
	} {
		got := parseColor(tt.in)
		if got != tt.want || on(got) != tt.on {
			t.Errorf("parseColor(%q) = %v on %v, want %v on %v", tt.in, got, on(got), tt.want, tt.on)
		}
	}
}
