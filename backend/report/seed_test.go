package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"ruche/backend/analytics/chart"
	"strings"
	"testing"
	"time"

	"ruche/backend/locale"
)

// seeded returns a report with every section filled, in lang.
func seeded(t testing.TB, lang locale.Lang) Data {
	t.Helper()
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	days := make([]string, 30)
	followers := make([]int, 30)
	for i := range days {
		days[i] = fmt.Sprintf("%d/11", i+1)
		followers[i] = 11000 + i*45 + (i%5)*12
	}
	return Data{
		Workspace:   "Boulangerie Lœuf & Fils",
		Color:       "#2b6cb0",
		Logo:        testLogo(t),
		LogoType:    "image/png",
		Agency:      "Agence Ruche Conseil",
		Lang:        lang,
		From:        time.Date(2026, 11, 1, 0, 0, 0, 0, paris),
		To:          time.Date(2026, 11, 30, 0, 0, 0, 0, paris),
		PrevFrom:    time.Date(2026, 10, 1, 0, 0, 0, 0, paris),
		PrevTo:      time.Date(2026, 10, 31, 0, 0, 0, 0, paris),
		GeneratedAt: time.Date(2026, 12, 1, 9, 30, 0, 0, paris),
		KPIs: []KPI{
			{Label: "report.kpi.followers", Unit: Count, Value: 12345, Previous: 11000},
			{Label: "report.kpi.engagement_rate", Unit: Percent, Value: 0.04237, Previous: 0.05},
			{Label: "report.kpi.impressions", Unit: Count, Value: 1234567},
			{Label: "report.kpi.ad_spend", Unit: Money, Currency: "EUR", Value: 123456, Previous: 100000},
			{Label: "report.kpi.response_time", Unit: Duration, Value: 7500, Previous: 9000, LowerIsBetter: true},
			{Label: "report.kpi.posts", Unit: Count, Value: 42, Previous: 42},
			{Label: "report.kpi.follower_growth", Unit: Percent, Value: 12.345, Previous: 8},
		},
		Charts: []Chart{
			{Title: "report.chart.followers", Chart: fromJSON(t, lineOption("Bluesky", days, followers))},
			{Title: "report.chart.engagement_by_network", Chart: fromJSON(t, `{"xAxis":{"type":"category","data":["Bluesky","Mastodon","LinkedIn"]},"yAxis":{"type":"value"},"series":[{"name":"Engagement","type":"bar","data":[{"value":4.2},{"value":3.1},{"value":1.7}]}]}`)},
			{Title: "report.chart.interactions_by_type", Chart: fromJSON(t, `{"legend":{"data":["J’aime","Partages","Réponses"]},"series":[{"type":"pie","radius":["40%","70%"],"data":[{"name":"J’aime","value":820},{"name":"Partages","value":240},{"name":"Réponses","value":131}]}]}`)},
			{Title: "report.chart.best_time", Chart: fromJSON(t, heatOption())},
			{Title: "Un seul point", Chart: fromJSON(t, `{"xAxis":{"type":"category","data":["1/11"]},"yAxis":{"type":"value"},"series":[{"type":"line","data":[7]}]}`)},
			{Title: "Visites du site", Chart: fromJSON(t, `{"xAxis":{"type":"category","data":[]},"yAxis":{"type":"value"},"series":[{"type":"line","data":[]}]}`)},
			{Title: "Graphique cassé", Chart: chart.Chart{Kind: "sankey", Series: []chart.Series{{Points: []chart.Point{{Value: 1, Known: true}}}}}},
		},
		TopPosts: []Post{
			{Network: "Bluesky", Date: time.Date(2026, 11, 12, 18, 0, 0, 0, paris), Text: "Nouveau pain au levain « Tradition » 🥖 : venez le goûter samedi ! <b>pas de gras</b> **ni d’étoiles**", Likes: 1234, Reposts: 56, Replies: 78, EngagementRate: 0.1047, Thumbnail: testPhoto(t, 640, 480, true)},
			{Network: "Mastodon", Date: time.Date(2026, 11, 3, 8, 15, 0, 0, paris), Text: strings.Repeat("Un texte très long qui doit être coupé proprement en trois lignes au plus. ", 8), Likes: 310, Reposts: 41, Replies: 12, EngagementRate: 0.0315, Thumbnail: testPhoto(t, 300, 600, false)},
			{Network: "Bluesky", Date: time.Date(2026, 11, 20, 12, 0, 0, 0, paris), Text: "Image illisible", Likes: 95, Reposts: 4, Replies: 3, EngagementRate: 0.009, Thumbnail: []byte("not an image")},
			{Network: "Mastodon", Date: time.Date(2026, 11, 28, 7, 0, 0, 0, paris), Text: "Sans image", Likes: 12, Reposts: 0, Replies: 1, EngagementRate: 0.0012},
		},
		Community: Community{RepliesReceived: 1234, TopFollowers: []Follower{
			{Name: "Anaïs Œillet", Handle: "@anais@piaille.fr", Interactions: 87},
			{Name: "Bruno", Handle: "@bruno.bsky.social", Interactions: 1045},
			{Name: "Zoë", Handle: "@zoe@mastodon.social", Interactions: 9},
		}},
		Objectives: []Objective{
			{Label: "+500 abonnés sur Bluesky", Unit: Count, Target: 500, Current: 412, Progress: 0.824, Due: time.Date(2027, 6, 30, 0, 0, 0, 0, paris)},
			{Label: "report.kpi.engagement_rate", Unit: Percent, Target: 0.04, Current: 0.04237, Progress: 1.05925},
			{Label: "report.kpi.response_time", Unit: Duration, Target: 7200, Current: 7500, Progress: 0.6},
		},
		Analysis: "Le mois de novembre a été porté par le lancement du pain « Tradition ».\n\nNous recommandons de publier le samedi matin, où l’engagement est le plus fort.\nDeuxième ligne du même paragraphe.\n\nObjectifs pour décembre : maintenir le rythme de publication.",
	}
}

func lineOption(name string, days []string, values []int) string {
	data := make([]map[string]any, len(values))
	for i, v := range values {
		data[i] = map[string]any{"value": v}
	}
	b, _ := json.Marshal(map[string]any{
		"title":   map[string]any{"text": "ignored"},
		"tooltip": map[string]any{"trigger": "axis"},
		"legend":  map[string]any{"data": []string{name}},
		"xAxis":   []any{map[string]any{"type": "category", "data": days}},
		"yAxis":   []any{map[string]any{"type": "value"}},
		"series":  []any{map[string]any{"name": name, "type": "line", "data": data, "symbol": "none"}},
	})
	return string(b)
}

func heatOption() string {
	var data [][3]int
	for d := range 7 {
		for h := range 24 {
			data = append(data, [3]int{h, d, (d*7 + h*3) % 20})
		}
	}
	hours := make([]string, 24)
	for h := range hours {
		hours[h] = fmt.Sprintf("%dh", h)
	}
	b, _ := json.Marshal(map[string]any{
		"xAxis":     map[string]any{"type": "category", "data": hours},
		"yAxis":     map[string]any{"type": "category", "data": []string{"dim.", "sam.", "ven.", "jeu.", "mer.", "mar.", "lun."}},
		"visualMap": map[string]any{"min": 0, "max": 20},
		"series":    []any{map[string]any{"type": "heatmap", "data": data}},
	})
	return string(b)
}

// testLogo is a 320×120 PNG with transparency.
func testLogo(t testing.TB) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 320, 120))
	for y := range 120 {
		for x := range 320 {
			if math.Hypot(float64(x-60), float64(y-60)) < 50 {
				img.Set(x, y, color.NRGBA{0xe0, 0x8a, 0x00, 255})
			} else if x > 130 && x < 300 && y > 40 && y < 80 {
				img.Set(x, y, color.NRGBA{0x2b, 0x6c, 0xb0, 200})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// testPhoto is a w×h gradient, JPEG or PNG.
func testPhoto(t testing.TB, w, h int, asJPEG bool) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 150, 255})
		}
	}
	var buf bytes.Buffer
	var err error
	if asJPEG {
		err = jpeg.Encode(&buf, img, nil)
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
