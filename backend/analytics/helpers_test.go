package analytics

import (
	"time"

	"ruche/backend/analytics/metric"
	"ruche/backend/calendar"
)

func day(y int, m time.Month, d int) calendar.Day { return calendar.Day{Year: y, Month: m, Day: d} }

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return loc
}()

// local returns the instant the clocks of Paris read y-m-d h:mi.
func local(y int, m time.Month, d, h, mi int) time.Time {
	return calendar.Instant(day(y, m, d), calendar.Clock{Hour: h, Minute: mi}, paris)
}

// pub makes a publication read once with the given counters.
func pub(id, acc, net string, at time.Time, likes, reposts, replies, quotes, impressions int) metric.PostMetrics {
	m := metric.PostMetrics{WorkspaceID: "ws", PostID: id, AccountID: acc, Network: net, Title: "post " + id, PublishedAt: at}
	m.Record(metric.Reading{Checkpoint: metric.After24h, ReadAt: at.Add(24 * time.Hour),
		Counters: metric.Counters{Likes: likes, Reposts: reposts, Replies: replies, Quotes: quotes, Impressions: impressions}})
	return m
}

// series makes a series read at the given instants with the given
// followers.
func series(key, net string, points ...any) Series {
	s := Series{Key: key, Network: net, Label: key}
	for i := 0; i+1 < len(points); i += 2 {
		s.Points = append(s.Points, Point{At: points[i].(time.Time), Followers: points[i+1].(int)})
	}
	return s
}
