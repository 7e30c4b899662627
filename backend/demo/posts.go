package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"ruche/backend/account"
	"ruche/backend/calendar"
	"ruche/backend/locale"
	"ruche/backend/network"
	"ruche/backend/post"
	"ruche/backend/workspace"
)

// AccountRepo keeps the demo's sample accounts.
type AccountRepo interface {
	Accounts(ctx context.Context, workspaceID string) ([]account.Account, error)
	PutAccount(ctx context.Context, a account.Account) error
}

// PostRepo keeps the demo's sample posts.
type PostRepo interface {
	PostsBetween(ctx context.Context, workspaceID string, from, to time.Time) ([]post.Post, error)
	Drafts(ctx context.Context, workspaceID string) ([]post.Post, error)
	PutPost(ctx context.Context, p post.Post) (post.Post, error)
	DeletePost(ctx context.Context, id string, rev int) error
}

// Sample is the Filler of accounts and posts: three sample accounts (status
// demo: they publish nowhere) and a month of the bakery's posts around
// today, in the workspace's language: published ones in the past with their
// delivery records, one failed, scheduled ones ahead, a few drafts and one
// waiting for review. Each refresh replaces the demo's posts.
type Sample struct {
	accounts AccountRepo
	posts    PostRepo
	now      func() time.Time
	newID    func(time.Time) string
}

// NewSample returns the filler over the repositories; now and newID are the
// clock and the identifier maker.
func NewSample(accounts AccountRepo, posts PostRepo, now func() time.Time, newID func(time.Time) string) Sample {
	return Sample{accounts: accounts, posts: posts, now: now, newID: newID}
}

// The sample accounts, by network.
var sampleAccounts = []struct {
	network, handle, server string
	name                    map[locale.Lang]string
}{
	{network.Bluesky, "fournil-de-lea.bsky.social", "", map[locale.Lang]string{locale.French: "Le Fournil de Léa", locale.English: "Léa’s Bakery"}},
	{network.Mastodon, "@fournil@piaille.fr", "https://piaille.fr", map[locale.Lang]string{locale.French: "Le Fournil de Léa", locale.English: "Léa’s Bakery"}},
	{network.LinkedIn, "Le Fournil de Léa", "", map[locale.Lang]string{locale.French: "Le Fournil de Léa", locale.English: "Le Fournil de Léa"}},
}

// FillDemo implements Filler.
func (s Sample) FillDemo(ctx context.Context, w workspace.Workspace) error {
	lang := locale.English
	if w.Language == string(locale.French) {
		lang = locale.French
	}
	loc, err := calendar.Zone(w.TimeZone)
	if err != nil {
		return err
	}
	accounts, err := s.fillAccounts(ctx, w.ID, lang)
	if err != nil {
		return fmt.Errorf("demo accounts: %w", err)
	}
	if err := s.clearPosts(ctx, w.ID); err != nil {
		return fmt.Errorf("demo posts: %w", err)
	}
	for _, p := range samplePosts(w.ID, accounts, lang, loc, s.now(), s.newID) {
		if _, err := s.posts.PutPost(ctx, p); err != nil {
			return fmt.Errorf("demo post: %w", err)
		}
	}
	return nil
}

// fillAccounts makes sure the workspace has the sample accounts, keeping
// those it has, and returns them by network.
func (s Sample) fillAccounts(ctx context.Context, wsID string, lang locale.Lang) (map[string]account.Account, error) {
	have, err := s.accounts.Accounts(ctx, wsID)
	if err != nil {
		return nil, err
	}
	out := map[string]account.Account{}
	for _, sa := range sampleAccounts {
		a := account.Account{WorkspaceID: wsID, Network: sa.network, Handle: sa.handle, Server: sa.server}
		for _, h := range have {
			if h.Network == sa.network && account.SameHandle(h.Handle, sa.handle) {
				a = h
			}
		}
		if a.ID == "" {
			a.CreatedAt = s.now().UTC()
			a.ID = s.newID(a.CreatedAt)
		}
		a.DisplayName, a.Status = sa.name[lang], account.Demo
		if err := s.accounts.PutAccount(ctx, a); err != nil {
			return nil, err
		}
		out[sa.network] = a
	}
	return out, nil
}

// clearPosts deletes every post of the workspace.
func (s Sample) clearPosts(ctx context.Context, wsID string) error {
	dated, err := s.posts.PostsBetween(ctx, wsID, post.MinTime, post.MaxTime)
	if err != nil {
		return err
	}
	drafts, err := s.posts.Drafts(ctx, wsID)
	if err != nil {
		return err
	}
	for _, p := range append(dated, drafts...) {
		if err := s.posts.DeletePost(ctx, p.ID, p.Revision); err != nil && !errors.Is(err, post.ErrNotFound) {
			return err
		}
	}
	return nil
}

// The pillars and campaigns of the bakery.
var (
	pillars = map[locale.Lang][]string{
		locale.French:  {"Coulisses", "Produits", "Recettes", "Événements"},
		locale.English: {"Behind the scenes", "Products", "Recipes", "Events"},
	}
	campaigns = map[locale.Lang][]string{
		locale.French:  {"Galette des rois", "Fête du pain"},
		locale.English: {"King cake season", "Bread festival"},
	}
	hashtags = map[locale.Lang]map[string]string{
		locale.French:  {network.Mastodon: "#boulangerie #pain", network.LinkedIn: "#boulangerie #artisanat #faitmaison"},
		locale.English: {network.Mastodon: "#bakery #bread", network.LinkedIn: "#bakery #craft #homemade"},
	}
)

// sample is one post of the demo month: its day from today (unscheduled
// when draft), its local time, pillar, campaign (-1: none), networks
// (b: Bluesky, m: Mastodon, l: LinkedIn) and texts.
type sample struct {
	day      int
	at       string
	pillar   int
	campaign int
	nets     string
	fr, en   string
	status   post.Status // Draft or InReview for an unscheduled post; Failed for the failed one
	noteFR   string
	noteEN   string
}

const (
	galette    = 0
	fetePain   = 1
	noCampaign = -1
)

var samples = []sample{
	{day: -18, at: "07:30", pillar: 0, campaign: noCampaign, nets: "bm",
		fr: "4 h du matin : le four est chaud, la première fournée de baguettes sort. Bonne journée à celles et ceux qui se lèvent tôt ! 🥖",
		en: "4 a.m.: the oven is hot and the first baguettes are out. Have a good day, early risers! 🥖"},
	{day: -17, at: "12:00", pillar: 1, campaign: noCampaign, nets: "bml",
		fr: "Nouveau : le pain aux figues et noisettes. Croûte caramélisée, mie moelleuse, parfait avec un fromage de chèvre.",
		en: "New: fig and hazelnut bread. Caramelised crust, soft crumb, perfect with goat’s cheese."},
	{day: -16, at: "18:00", pillar: 2, campaign: noCampaign, nets: "bm",
		fr: "Recette du dimanche : le pain perdu de Léa. Du pain rassis, 2 œufs, 25 cl de lait, une gousse de vanille. Rien ne se perd !",
		en: "Sunday recipe: Léa’s French toast. Stale bread, 2 eggs, 250 ml of milk, a vanilla pod. Nothing goes to waste!"},
	{day: -15, at: "09:00", pillar: 3, campaign: noCampaign, nets: "bml",
		fr: "Samedi, atelier pain au levain pour les enfants de l’école Jules-Ferry. Ils repartent avec leur petite boule ! Inscriptions en boutique.",
		en: "On Saturday, a sourdough workshop for the children of Jules Ferry school. They take their own loaf home! Sign up in the shop."},
	{day: -14, at: "07:45", pillar: 0, campaign: noCampaign, nets: "bm",
		fr: "Notre levain a 12 ans. Il s’appelle Gaston et il mange de la farine de seigle bio deux fois par jour.",
		en: "Our sourdough starter is 12 years old. His name is Gaston and he eats organic rye flour twice a day."},
	{day: -13, at: "12:30", pillar: 1, campaign: galette, nets: "bml",
		fr: "La galette des rois frangipane est de retour ! Pur beurre, amandes de Provence, fève en céramique faite main. 👑",
		en: "The frangipane king cake is back! All butter, almonds from Provence, a handmade ceramic charm. 👑"},
	{day: -12, at: "17:00", pillar: 2, campaign: noCampaign, nets: "m",
		fr: "Astuce : pour une croûte qui chante, posez un bol d’eau dans le four pendant les dix premières minutes.",
		en: "Tip: for a crust that crackles, put a bowl of water in the oven for the first ten minutes."},
	{day: -11, at: "08:00", pillar: 0, campaign: noCampaign, nets: "bl",
		fr: "Bienvenue à Inès, notre nouvelle apprentie ! Elle a déjà façonné ses 200 premières baguettes.",
		en: "Welcome to Inès, our new apprentice! She has already shaped her first 200 baguettes."},
	{day: -10, at: "12:00", pillar: 1, campaign: galette, nets: "bm",
		fr: "Galette briochée aux fruits confits, la version du Sud. Vous êtes plutôt frangipane ou brioche ?",
		en: "Brioche king cake with candied fruit, the southern way. Are you team frangipane or team brioche?"},
	{day: -9, at: "18:30", pillar: 3, campaign: noCampaign, nets: "bml",
		fr: "Merci pour ce marché de producteurs ! 300 pains vendus, et vos sourires en prime.",
		en: "Thank you for the farmers’ market! 300 loaves sold, and your smiles on top."},
	{day: -8, at: "07:30", pillar: 0, campaign: noCampaign, nets: "bm",
		fr: "Les coulisses d’une baguette : 24 h entre le pétrin et votre table. Fermentation lente, goût profond.",
		en: "Behind a baguette: 24 hours from the kneader to your table. Slow fermentation, deep flavour."},
	{day: -7, at: "12:00", pillar: 2, campaign: galette, nets: "bml",
		fr: "Recette : la frangipane maison. 100 g de beurre, 100 g de sucre, 100 g de poudre d’amande, 2 œufs, une pointe de rhum.",
		en: "Recipe: homemade frangipane. 100 g of butter, 100 g of sugar, 100 g of ground almonds, 2 eggs, a dash of rum."},
	{day: -6, at: "09:00", pillar: 1, campaign: noCampaign, nets: "bm",
		fr: "Le pain du mois : grand épeautre et graines de courge. Disponible le mardi et le vendredi.",
		en: "Bread of the month: spelt with pumpkin seeds. Available on Tuesdays and Fridays."},
	{day: -5, at: "16:00", pillar: 0, campaign: noCampaign, nets: "m",
		fr: "Livraison de farine ce matin : 2 tonnes venues du moulin de Saint-Pierre, à 30 km d’ici.",
		en: "Flour delivery this morning: 2 tonnes from the Saint-Pierre mill, 30 km away."},
	{day: -4, at: "12:15", pillar: 3, campaign: noCampaign, nets: "bml",
		fr: "Dégustation gratuite ce samedi de 10 h à 12 h : venez goûter nos nouveaux pains spéciaux.",
		en: "Free tasting this Saturday from 10 to 12: come and try our new speciality breads."},
	{day: -3, at: "10:00", pillar: 1, campaign: noCampaign, nets: "bml", status: post.Failed,
		fr: "Nos viennoiseries sont faites maison, du tourage au façonnage. Le croissant du matin a le goût du beurre.",
		en: "Our pastries are made in-house, from laminating to shaping. The morning croissant tastes of butter."},
	{day: -2, at: "07:30", pillar: 0, campaign: noCampaign, nets: "bm",
		fr: "Ce matin, panne de pétrin à 3 h. Léa a pétri 40 kg de pâte à la main. Les baguettes sont là quand même 💪",
		en: "This morning the mixer broke down at 3 a.m. Léa kneaded 40 kg of dough by hand. The baguettes are here anyway 💪"},
	{day: -1, at: "18:00", pillar: 2, campaign: noCampaign, nets: "bm",
		fr: "Recette : crumble salé aux croûtons de pain de campagne. Parfait pour finir le pain de la semaine.",
		en: "Recipe: savoury crumble with country bread croutons. Perfect to finish the week’s bread."},
	{day: 0, at: "12:00", pillar: 1, campaign: galette, nets: "bml",
		fr: "Dernière semaine pour la galette des rois ! Commandez la vôtre en boutique ou par téléphone.",
		en: "Last week for king cakes! Order yours in the shop or by phone."},
	{day: 1, at: "07:30", pillar: 0, campaign: noCampaign, nets: "bm",
		fr: "Qui veut voir le façonnage des baguettes en vidéo ? On filme demain à l’aube.",
		en: "Who wants to see baguettes being shaped on video? We are filming tomorrow at dawn."},
	{day: 2, at: "12:00", pillar: 1, campaign: noCampaign, nets: "bml",
		fr: "Nouveauté : la fougasse aux olives et au romarin, le vendredi seulement.",
		en: "New: olive and rosemary fougasse, on Fridays only."},
	{day: 3, at: "18:00", pillar: 2, campaign: noCampaign, nets: "bm",
		fr: "Recette : le pain d’épices de Léa, miel de lavande et cinq épices. À préparer trois jours à l’avance.",
		en: "Recipe: Léa’s gingerbread, lavender honey and five spices. Make it three days ahead."},
	{day: 4, at: "09:00", pillar: 3, campaign: fetePain, nets: "bml",
		fr: "La Fête du pain approche ! Portes ouvertes au fournil : visite, démonstrations et dégustations.",
		en: "The Bread festival is coming! Open day at the bakery: a tour, demonstrations and tastings."},
	{day: 5, at: "07:45", pillar: 0, campaign: noCampaign, nets: "m",
		fr: "Il fait froid dehors, il fait 250 °C dans le four. Venez vous réchauffer !",
		en: "It is cold outside and 250 °C in the oven. Come and warm up!"},
	{day: 6, at: "12:30", pillar: 1, campaign: noCampaign, nets: "bml",
		fr: "Le kouign-amann arrive le week-end : beurre salé, sucre caramélisé, feuilletage croustillant.",
		en: "Kouign-amann arrives at the weekend: salted butter, caramelised sugar, crisp layers."},
	{day: 8, at: "18:00", pillar: 2, campaign: noCampaign, nets: "bm",
		fr: "Recette : la pâte à pizza au levain. 500 g de farine, 325 g d’eau, 100 g de levain, 10 g de sel, 24 h au frais.",
		en: "Recipe: sourdough pizza dough. 500 g of flour, 325 g of water, 100 g of starter, 10 g of salt, 24 h in the fridge."},
	{day: 9, at: "09:00", pillar: 3, campaign: fetePain, nets: "bml",
		fr: "Fête du pain : concours du plus beau pain fait maison. Apportez le vôtre, le jury sera gourmand !",
		en: "Bread festival: a contest for the best homemade loaf. Bring yours, the jury is hungry!"},
	{day: 10, at: "07:30", pillar: 0, campaign: noCampaign, nets: "bm",
		fr: "Portrait : Marc, notre boulanger de nuit depuis 15 ans. Son secret ? Écouter la pâte.",
		en: "Portrait: Marc, our night baker for 15 years. His secret? Listening to the dough."},
	{day: 11, at: "12:00", pillar: 1, campaign: noCampaign, nets: "bml",
		fr: "Sans gluten : notre pain au sarrasin et au sorgho est cuit à part, le lundi, dans un four dédié.",
		en: "Gluten-free: our buckwheat and sorghum bread is baked apart, on Mondays, in its own oven."},
	{day: 12, at: "18:00", pillar: 2, campaign: noCampaign, nets: "m",
		fr: "Recette : les croûtons à l’ail pour vos soupes d’hiver. Pain de la veille, huile d’olive, ail, 10 min à 180 °C.",
		en: "Recipe: garlic croutons for your winter soups. Day-old bread, olive oil, garlic, 10 minutes at 180 °C."},
	{day: 13, at: "09:00", pillar: 3, campaign: fetePain, nets: "bml",
		fr: "Merci aux producteurs qui nous rejoignent pour la Fête du pain : fromages, miel et cidre seront au rendez-vous.",
		en: "Thanks to the producers who join us for the Bread festival: cheese, honey and cider will be there."},
	{day: 14, at: "07:30", pillar: 0, campaign: noCampaign, nets: "bm",
		fr: "Un mois de fournées en images : merci de nous suivre, et à demain pour la prochaine !",
		en: "A month of baking in pictures: thank you for following us, see you tomorrow for the next batch!"},
	{status: post.Draft, pillar: 1, campaign: noCampaign, nets: "bml",
		fr:     "Présenter les farines du moulin de Saint-Pierre, une par semaine : seigle, épeautre, blé ancien.",
		en:     "Introduce the flours of the Saint-Pierre mill, one a week: rye, spelt, heritage wheat.",
		noteFR: "À compléter avec les photos du moulin", noteEN: "Add the photos of the mill"},
	{status: post.Draft, pillar: 2, campaign: noCampaign, nets: "bm",
		fr: "Recette à écrire : la brioche tressée du dimanche.",
		en: "Recipe to write: the Sunday plaited brioche."},
	{status: post.Draft, pillar: 3, campaign: noCampaign, nets: "bml",
		fr:     "Nos horaires d’été : ouvert de 7 h à 13 h et de 16 h à 19 h 30, fermé le lundi.",
		en:     "Our summer hours: open from 7 to 1 and from 4 to 7.30, closed on Mondays.",
		noteFR: "Horaires à confirmer avec l’équipe", noteEN: "Check the hours with the team"},
	{status: post.InReview, pillar: 1, campaign: galette, nets: "bml",
		fr:     "Galette des rois : 10 % de remise pour deux galettes commandées, jusqu’à dimanche.",
		en:     "King cakes: 10% off when you order two, until Sunday.",
		noteFR: "Prix à valider par Léa", noteEN: "Léa must approve the price"},
}

// samplePosts builds the demo month around now in loc.
func samplePosts(wsID string, accounts map[string]account.Account, lang locale.Lang, loc *time.Location, now time.Time, newID func(time.Time) string) []post.Post {
	now = now.UTC()
	today := calendar.DayOf(now, loc)
	byLetter := map[rune]string{'b': network.Bluesky, 'm': network.Mastodon, 'l': network.LinkedIn}
	out := make([]post.Post, 0, len(samples))
	for i, sm := range samples {
		text, note := sm.en, sm.noteEN
		if lang == locale.French {
			text, note = sm.fr, sm.noteFR
		}
		p := post.Post{ID: newID(now), WorkspaceID: wsID, AuthorNote: note, Status: sm.status, Pillar: pillars[lang][sm.pillar]}
		if sm.campaign != noCampaign {
			p.Campaigns = []string{campaigns[lang][sm.campaign]}
		}
		for _, c := range sm.nets {
			a := accounts[byLetter[c]]
			v := post.Variant{AccountID: a.ID, Network: a.Network, Text: text}
			if tags := hashtags[lang][a.Network]; tags != "" {
				v.Text += "\n\n" + tags
			}
			p.Variants = append(p.Variants, v)
			p.Deliveries = append(p.Deliveries, post.Delivery{AccountID: a.ID,
				IdempotencyKey: post.IdempotencyKey(p.ID, a.ID), State: post.DeliveryPending})
		}
		p.CreatedAt = now.AddDate(0, 0, -20)
		if sm.at != "" {
			clock, _ := calendar.ParseClock(sm.at)
			p.ScheduledAt = calendar.Instant(today.AddDays(sm.day), clock, loc)
			if p.ScheduledAt.Before(p.CreatedAt) {
				p.CreatedAt = p.ScheduledAt.AddDate(0, 0, -3)
			}
			deliver(&p, i, now)
		}
		p.UpdatedAt = p.CreatedAt
		if p.Status != post.Draft && p.Status != post.InReview && p.ScheduledAt.Before(now) {
			p.UpdatedAt = p.ScheduledAt.Add(time.Minute)
		}
		out = append(out, p)
	}
	return out
}

// deliver sets the status and delivery records of a dated post: published
// on every network when its time is past, except the failed sample, whose
// LinkedIn page needs reconnecting; scheduled when its time is ahead.
func deliver(p *post.Post, n int, now time.Time) {
	if !p.ScheduledAt.Before(now) {
		p.Status = post.Scheduled
		return
	}
	failed := p.Status == post.Failed
	p.Status = post.Published
	for i := range p.Deliveries {
		d := &p.Deliveries[i]
		at := p.ScheduledAt.Add(time.Duration(2+i) * time.Second)
		if failed && p.Variants[i].Network == network.LinkedIn {
			d.State = post.DeliveryFailed
			d.Attempts = []post.Attempt{{At: at, Outcome: post.OutcomeAuth, Reason: network.ErrAuthExpired.Code}}
			p.Status = post.Failed
			continue
		}
		d.State = post.DeliveryPublished
		d.RemoteID, d.URL = remote(p.Variants[i], n)
		d.Attempts = []post.Attempt{{At: at, Outcome: post.OutcomePublished}}
	}
}

// remote returns a plausible remote identifier and address of sample post
// n on the network of v.
func remote(v post.Variant, n int) (id, url string) {
	switch v.Network {
	case network.Bluesky:
		id = fmt.Sprintf("3lfdemo%06d", n)
		return id, "https://bsky.app/profile/fournil-de-lea.bsky.social/post/" + id
	case network.Mastodon:
		id = fmt.Sprintf("1136%014d", n)
		return id, "https://piaille.fr/@fournil/" + id
	}
	id = fmt.Sprintf("urn:li:share:7%018d", n)
	return id, "https://www.linkedin.com/feed/update/" + strings.ReplaceAll(id, ":", "%3A")
}
