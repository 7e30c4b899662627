// Package workspace is a brand or a client: the unit that owns accounts,
// posts, campaigns and reports. A freelancer or an agency keeps one workspace
// per client.
package workspace

import (
	"context"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"ruche/backend/fault"
	"ruche/backend/locale"
)

// MaxNameLen is the longest name accepted, in characters.
const MaxNameLen = 80

// DefaultColor is the brand colour of a new workspace: honey.
const DefaultColor = "#f5a623"

// The errors of this package.
var (
	ErrNotFound     = fault.New(fault.NotFound, "workspace.not_found")
	ErrNameRequired = fault.New(fault.Invalid, "workspace.name_required")
	ErrNameTooLong  = fault.New(fault.Invalid, "workspace.name_too_long")
	ErrNameTaken    = fault.New(fault.Conflict, "workspace.name_taken")
	ErrZone         = fault.New(fault.Invalid, "workspace.zone_invalid")
	ErrLanguage     = fault.New(fault.Invalid, "workspace.language_invalid")
	ErrColor        = fault.New(fault.Invalid, "workspace.color_invalid")
	ErrLast         = fault.New(fault.Conflict, "workspace.last")
)

// Workspace is one brand or client.
type Workspace struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	TimeZone  string    `json:"timeZone"` // IANA
	Language  string    `json:"language"` // "fr" or "en"
	Color     string    `json:"color"`    // "#rrggbb", lowercase
	Logo      *Logo     `json:"logo,omitempty"`
	Demo      bool      `json:"demo"`
	CreatedAt time.Time `json:"createdAt"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// Logo describes the stored logo image; its bytes are kept apart.
type Logo struct {
	Type   string `json:"type"` // "image/png" or "image/jpeg"
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Size   int    `json:"size"`
}

// Location returns the workspace's time zone.
func (w Workspace) Location() *time.Location {
	loc, err := time.LoadLocation(w.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// Input holds the fields a user edits.
type Input struct {
	Name     string
	TimeZone string
	Language string
	Color    string
}

var colorRE = regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)

// Normalize trims the input, fills the colour default and lowercases it.
func (in Input) Normalize() Input {
	in.Name = strings.Join(strings.Fields(in.Name), " ")
	in.TimeZone = strings.TrimSpace(in.TimeZone)
	in.Language = strings.ToLower(strings.TrimSpace(in.Language))
	in.Color = strings.ToLower(strings.TrimSpace(in.Color))
	if in.Color == "" {
		in.Color = DefaultColor
	}
	return in
}

// Validate checks a normalised input and returns the first problem.
func (in Input) Validate() error {
	switch {
	case in.Name == "":
		return ErrNameRequired.With(nil, nil)
	case utf8.RuneCountInString(in.Name) > MaxNameLen:
		return ErrNameTooLong.With(map[string]any{"max": MaxNameLen}, nil)
	case !locale.ValidZone(in.TimeZone):
		return ErrZone.With(map[string]any{"zone": in.TimeZone}, nil)
	case in.Language != string(locale.French) && in.Language != string(locale.English):
		return ErrLanguage.With(nil, nil)
	case !colorRE.MatchString(in.Color):
		return ErrColor.With(nil, nil)
	}
	return nil
}

// Repo keeps workspaces. PutWorkspace fails with ErrNameTaken when another
// workspace has the same name, ignoring case.
type Repo interface {
	Workspaces(ctx context.Context) ([]Workspace, error)
	Workspace(ctx context.Context, id string) (Workspace, error)
	PutWorkspace(ctx context.Context, w Workspace) error
	DeleteWorkspace(ctx context.Context, id string) error
	WorkspaceLogo(ctx context.Context, id string) ([]byte, error)
	PutWorkspaceLogo(ctx context.Context, w Workspace, logo []byte) error
}

// Service is the use cases of workspaces.
type Service struct {
	repo  Repo
	sel   Selection
	now   func() time.Time
	newID func(time.Time) string
}

// NewService returns a Service over repo and sel; now and newID are the
// clock and the identifier maker.
func NewService(repo Repo, sel Selection, now func() time.Time, newID func(time.Time) string) *Service {
	return &Service{repo: repo, sel: sel, now: now, newID: newID}
}

// List returns every workspace, oldest first.
func (s *Service) List(ctx context.Context) ([]Workspace, error) {
	all, err := s.repo.Workspaces(ctx)
	// Identifiers sort by millisecond; creation times break the ties.
	sort.SliceStable(all, func(i, j int) bool { return all[i].CreatedAt.Before(all[j].CreatedAt) })
	return all, err
}

// Get returns one workspace.
func (s *Service) Get(ctx context.Context, id string) (Workspace, error) {
	return s.repo.Workspace(ctx, id)
}

// Create validates in and saves a new workspace.
func (s *Service) Create(ctx context.Context, in Input, demo bool) (Workspace, error) {
	in = in.Normalize()
	if err := in.Validate(); err != nil {
		return Workspace{}, err
	}
	now := s.now().UTC()
	w := Workspace{ID: s.newID(now), Name: in.Name, TimeZone: in.TimeZone, Language: in.Language,
		Color: in.Color, Demo: demo, CreatedAt: now, UpdatedAt: now}
	if err := s.repo.PutWorkspace(ctx, w); err != nil {
		return Workspace{}, err
	}
	return w, nil
}

// Update validates in and saves it over workspace id.
func (s *Service) Update(ctx context.Context, id string, in Input) (Workspace, error) {
	in = in.Normalize()
	if err := in.Validate(); err != nil {
		return Workspace{}, err
	}
	w, err := s.repo.Workspace(ctx, id)
	if err != nil {
		return Workspace{}, err
	}
	w.Name, w.TimeZone, w.Language, w.Color = in.Name, in.TimeZone, in.Language, in.Color
	w.UpdatedAt = s.now().UTC()
	if err := s.repo.PutWorkspace(ctx, w); err != nil {
		return Workspace{}, err
	}
	return w, nil
}

// Delete removes workspace id and everything it owns. The last workspace
// cannot be deleted: the app always has one to work in.
func (s *Service) Delete(ctx context.Context, id string) error {
	all, err := s.repo.Workspaces(ctx)
	if err != nil {
		return err
	}
	found := false
	for _, w := range all {
		found = found || w.ID == id
	}
	if !found {
		return ErrNotFound.With(nil, nil)
	}
	if len(all) == 1 {
		return ErrLast.With(nil, nil)
	}
	return s.repo.DeleteWorkspace(ctx, id)
}

// FileName returns name made fit for a file name on every OS: the
// characters Windows refuses become '-'; "ruche" when nothing is left.
func FileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) || r < 0x20 {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" {
		return "ruche"
	}
	return name
}
