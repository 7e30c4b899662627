package workspace

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"
)

func TestInputValidate(t *testing.T) {
	ok := Input{Name: "Atelier", TimeZone: "Europe/Paris", Language: "fr", Color: "#112233"}
	tests := []struct {
		name string
		edit func(*Input)
		want error
	}{
		{"valid", func(*Input) {}, nil},
		{"blank name", func(in *Input) { in.Name = "   " }, ErrNameRequired},
		{"80 accented characters", func(in *Input) { in.Name = strings.Repeat("é", 80) }, nil},
		{"81 characters", func(in *Input) { in.Name = strings.Repeat("é", 81) }, ErrNameTooLong},
		{"unknown zone", func(in *Input) { in.TimeZone = "Europe/Atlantis" }, ErrZone},
		{"local zone", func(in *Input) { in.TimeZone = "Local" }, ErrZone},
		{"German", func(in *Input) { in.Language = "de" }, ErrLanguage},
		{"short colour", func(in *Input) { in.Color = "#123" }, ErrColor},
		{"named colour", func(in *Input) { in.Color = "red" }, ErrColor},
		{"empty colour gets the default", func(in *Input) { in.Color = "" }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := ok
			tt.edit(&in)
			if err := in.Normalize().Validate(); !errors.Is(err, tt.want) {
				t.Errorf("Validate() = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestNormalize(t *testing.T) {
	got := Input{Name: "  Le   Fournil\tde Léa ", TimeZone: " Europe/Paris ", Language: "FR", Color: " #ABCDEF "}.Normalize()
	want := Input{Name: "Le Fournil de Léa", TimeZone: "Europe/Paris", Language: "fr", Color: "#abcdef"}
	if got != want {
		t.Errorf("Normalize() = %+v, want %+v", got, want)
	}
}

func pngOf(w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

func TestCheckLogo(t *testing.T) {
	good := pngOf(64, 32)
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"png", good, nil},
		{"text file", []byte("hello, I am not an image"), ErrLogoNotImage},
		{"gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), ErrLogoNotImage},
		{"truncated png", good[:len(good)/2], ErrLogoNotImage},
		{"too many bytes", append(good, make([]byte, MaxLogoBytes)...), ErrLogoTooLarge},
		{"too wide", pngOf(MaxLogoSide+1, 1), ErrLogoDimension},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := CheckLogo(tt.data); !errors.Is(err, tt.want) {
				t.Errorf("CheckLogo() = %v, want %v", err, tt.want)
			}
		})
	}
	logo, _ := CheckLogo(good)
	if logo != (Logo{Type: "image/png", Width: 64, Height: 32, Size: len(good)}) {
		t.Errorf("CheckLogo(png) = %+v", logo)
	}
}

// memRepo is a Repo for the service's own rules; the store's version is
// tested against a real Badger in package store.
type memRepo struct {
	ws      []Workspace
	current string
}

func (m *memRepo) Workspaces(context.Context) ([]Workspace, error) {
	return append([]Workspace(nil), m.ws...), nil
}
func (m *memRepo) Workspace(_ context.Context, id string) (Workspace, error) {
	for _, w := range m.ws {
		if w.ID == id {
			return w, nil
		}
	}
	return Workspace{}, ErrNotFound
}
func (m *memRepo) PutWorkspace(_ context.Context, w Workspace) error {
	for i := range m.ws {
		if m.ws[i].ID == w.ID {
			m.ws[i] = w
			return nil
		}
	}
	m.ws = append(m.ws, w)
	return nil
}
func (m *memRepo) DeleteWorkspace(_ context.Context, id string) error {
	for i := range m.ws {
		if m.ws[i].ID == id {
			m.ws = append(m.ws[:i], m.ws[i+1:]...)
			return nil
		}
	}
	return ErrNotFound
}
func (m *memRepo) WorkspaceLogo(context.Context, string) ([]byte, error) { return nil, nil }
func (m *memRepo) PutWorkspaceLogo(ctx context.Context, w Workspace, _ []byte) error {
	return m.PutWorkspace(ctx, w)
}
func (m *memRepo) CurrentWorkspaceID(context.Context) (string, error) { return m.current, nil }
func (m *memRepo) SetCurrentWorkspaceID(_ context.Context, id string) error {
	m.current = id
	return nil
}

func newTestService(repo *memRepo) *Service {
	n := 0
	return NewService(repo, repo, func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) },
		func(time.Time) string { n++; return string(rune('a' + n - 1)) })
}

func TestServiceKeepsOneWorkspaceAndACurrentOne(t *testing.T) {
	ctx := context.Background()
	repo := &memRepo{}
	s := newTestService(repo)
	in := Input{Name: "Un", TimeZone: "Europe/Paris", Language: "fr"}
	if created, err := s.EnsureOne(ctx, in); !created || err != nil {
		t.Fatalf("EnsureOne() on an empty store = %v, %v; want true, nil", created, err)
	}
	if created, _ := s.EnsureOne(ctx, in); created {
		t.Errorf("EnsureOne() with a workspace = true, want false")
	}
	if err := s.Delete(ctx, "a"); !errors.Is(err, ErrLast) {
		t.Errorf("Delete(last) = %v, want ErrLast", err)
	}
	in.Name = "Deux"
	b, _ := s.Create(ctx, in, false)
	s.Switch(ctx, b.ID)
	if err := s.Delete(ctx, b.ID); err != nil {
		t.Fatalf("Delete(current) = %v", err)
	}
	if cur, err := s.Current(ctx); err != nil || cur.ID != "a" {
		t.Errorf("Current() after deleting the current one = %q, %v; want a", cur.ID, err)
	}
	if err := s.Delete(ctx, "zz"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delete(unknown) = %v, want ErrNotFound", err)
	}
}
