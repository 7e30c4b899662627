package api

import (
	"errors"

	"ruche/backend/account"
	"ruche/backend/fault"
	"ruche/backend/locale"
	"ruche/backend/media"
	"ruche/backend/network"
	"ruche/backend/plan"
	"ruche/backend/post"
)

// Composer is the facade of the composer: the accounts to write for, the
// live check of each variant by its network's rules, saving posts, splitting
// a long text into a thread, and media.
type Composer struct {
	s *Settings
}

// NewComposer returns the facade; it shares the Settings' data, dialogs and
// language.
func NewComposer(s *Settings) *Composer { return &Composer{s: s} }

// Accounts returns the accounts of the current workspace with what their
// networks accept.
func (c *Composer) Accounts() ([]Account, error) {
	sc, err := c.s.current()
	if err != nil {
		return nil, err
	}
	all, err := sc.app.Accounts.List(sc.ctx, sc.ws.ID)
	if err != nil {
		return nil, err
	}
	out := make([]Account, len(all))
	for i, a := range all {
		out[i] = accountDTO(sc, a)
	}
	return out, nil
}

// Check measures each variant of in by its network's rule and lists what
// its network would refuse (errors) or frown upon (warnings), translated.
// It saves nothing.
func (c *Composer) Check(in PostInput) (Check, error) {
	sc, err := c.s.current()
	if err != nil {
		return Check{}, err
	}
	r, err := sc.plan.Review(sc.ctx, sc.ws, input(in))
	if err != nil {
		return Check{}, err
	}
	out := Check{Counts: map[string]Count{}, Findings: []Finding{}, CanSave: r.CanSave}
	for _, v := range r.Variants {
		if v.Err != nil {
			f := fault.As(v.Err)
			out.Findings = append(out.Findings, Finding{AccountID: v.AccountID, Code: f.Code,
				Severity: string(network.SeverityError), Message: locale.Message(sc.lang, f.Code, f.Args)})
			continue
		}
		l := v.Length
		out.Counts[v.AccountID] = Count{Used: l.Used, Limit: l.Limit, Bytes: l.Bytes, ByteLimit: l.ByteLimit, Over: l.Over}
		for _, p := range v.Problems {
			out.Findings = append(out.Findings, Finding{AccountID: v.AccountID, Code: p.Code, Severity: string(p.Severity),
				Message: locale.Message(sc.lang, p.Code, p.Args)})
		}
	}
	return out, nil
}

// Get returns a whole post of the current workspace: variants, deliveries
// and their attempts, reasons translated.
func (c *Composer) Get(id string) (Post, error) {
	return c.change(func(sc scope) (post.Post, error) { return sc.plan.Post(sc.ctx, sc.ws, id) })
}

// Create saves a new post: a draft when date and time are both "", else
// scheduled at that local date and time. When it cannot be scheduled
// nothing is saved.
func (c *Composer) Create(in PostInput, date, clock string) (Post, error) {
	return c.change(func(sc scope) (post.Post, error) {
		at, err := plan.ParseLocal(date, clock)
		if err != nil {
			return post.Post{}, err
		}
		return sc.plan.Create(sc.ctx, sc.ws, input(in), at)
	})
}

// Update saves in over post id if it is still at revision (the one the user
// edited); else it fails with code "post.conflict".
func (c *Composer) Update(id string, revision int, in PostInput) (Post, error) {
	return c.change(func(sc scope) (post.Post, error) { return sc.plan.Update(sc.ctx, sc.ws, id, revision, input(in)) })
}

// Delete removes a post from Ruche; a published post stays on its networks.
func (c *Composer) Delete(id string) error {
	sc, err := c.s.current()
	if err != nil {
		return err
	}
	return sc.plan.Delete(sc.ctx, sc.ws, id)
}

// SetStatus moves a post in the editorial workflow: "draft", "in_review" or
// "approved".
func (c *Composer) SetStatus(id, status string) (Post, error) {
	return c.change(func(sc scope) (post.Post, error) { return sc.plan.SetStatus(sc.ctx, sc.ws, id, post.Status(status)) })
}

func (c *Composer) change(fn func(scope) (post.Post, error)) (Post, error) {
	sc, err := c.s.current()
	if err != nil {
		return Post{}, err
	}
	p, err := fn(sc)
	if err != nil {
		return Post{}, err
	}
	return sc.postDTO(p), nil
}

// SplitThread cuts text into the posts of a thread for the network of
// account accountID, each within its limit with its " 1/3" number. A text
// that fits is returned alone.
func (c *Composer) SplitThread(accountID, text string) ([]string, error) {
	sc, err := c.s.current()
	if err != nil {
		return nil, err
	}
	a, err := c.account(sc, accountID)
	if err != nil {
		return nil, err
	}
	caps, _ := network.Defaults(a.Network)
	if !caps.Threads {
		return nil, &fault.Error{Kind: fault.Invalid, Code: network.ProblemThreadUnsupported,
			Args: map[string]any{"network": network.DisplayName(a.Network)}}
	}
	return nonNil(network.SplitThread(text, caps)), nil
}

// AddMedia reads the files at paths (dropped on the window) for a variant
// to account accountID: type, size and an image's dimensions. A missing or
// unreadable file is refused; whether the network accepts it is for Check.
func (c *Composer) AddMedia(accountID string, paths []string) ([]Media, error) {
	sc, err := c.s.current()
	if err != nil {
		return nil, err
	}
	if _, err := c.account(sc, accountID); err != nil {
		return nil, err
	}
	out := make([]Media, 0, len(paths))
	for _, p := range paths {
		m, err := media.Inspect(p)
		if err != nil {
			return nil, err
		}
		out = append(out, mediaDTO(m))
	}
	return out, nil
}

// ChooseMedia asks for images or videos for a variant to account
// accountID and reads them as AddMedia does; none when cancelled.
func (c *Composer) ChooseMedia(accountID string) ([]Media, error) {
	sc, err := c.s.current()
	if err != nil {
		return nil, err
	}
	if _, err := c.account(sc, accountID); err != nil {
		return nil, err
	}
	paths, err := c.s.d.Dialogs.OpenFiles(locale.Message(sc.lang, "dialog.media_title", nil), []FileFilter{{
		Name:    locale.Message(sc.lang, "dialog.media", nil),
		Pattern: "*.png;*.jpg;*.jpeg;*.gif;*.webp;*.mp4;*.mov;*.PNG;*.JPG;*.JPEG;*.GIF;*.WEBP;*.MP4;*.MOV",
	}})
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return []Media{}, nil
	}
	return c.AddMedia(accountID, paths)
}

// account returns account id of the current workspace.
func (c *Composer) account(sc scope, id string) (account.Account, error) {
	a, err := sc.app.Accounts.Get(sc.ctx, id)
	switch {
	case errors.Is(err, account.ErrNotFound), err == nil && a.WorkspaceID != sc.ws.ID:
		return account.Account{}, account.ErrUnknown.With(map[string]any{"account": id}, err)
	case err != nil:
		return account.Account{}, err
	}
	return a, nil
}
