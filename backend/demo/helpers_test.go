package demo

import (
	"time"

	"ruche/backend/account"
	"ruche/backend/calendar"
	"ruche/backend/post"
)

func day(y int, m time.Month, d int) calendar.Day { return calendar.Day{Year: y, Month: m, Day: d} }

var paris = func() *time.Location {
	loc, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		panic(err)
	}
	return loc
}()

// publishedPost returns post id of workspace ws, published at at to accounts.
func publishedPost(ws, id string, at time.Time, accounts ...account.Account) post.Post {
	p := post.Post{ID: id, WorkspaceID: ws, Status: post.Published, ScheduledAt: at.Add(-time.Minute), Pillar: "Coulisses",
		CreatedAt: at.Add(-time.Hour), UpdatedAt: at}
	for _, a := range accounts {
		p.Variants = append(p.Variants, post.Variant{AccountID: a.ID, Network: a.Network, Text: "La fournée " + id})
		p.Deliveries = append(p.Deliveries, post.Delivery{AccountID: a.ID, State: post.DeliveryPublished, RemoteID: id + "@" + a.ID,
			URL: "https://example.net/" + id, Attempts: []post.Attempt{
				{At: at.Add(-time.Minute), Outcome: post.OutcomeTransient}, {At: at, Outcome: post.OutcomePublished}}})
	}
	return p
}
