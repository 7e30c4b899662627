// Package settings holds the choices that belong to the app rather than to a
// workspace: the UI language, the current workspace, the first-run offers.
package settings

import (
	"context"

	"ruche/backend/fault"
	"ruche/backend/locale"
)

// The language settings.
const (
	LanguageSystem = "system"
)

// ErrLanguage is returned for a language setting that is not system, fr or en.
var ErrLanguage = fault.New(fault.Invalid, "settings.language_invalid")

// Settings are the app's own choices, stored once per data folder.
type Settings struct {
	Language           string `json:"language"`           // "system", "fr" or "en"
	CurrentWorkspace   string `json:"currentWorkspace"`   // a workspace ID
	DemoOfferDismissed bool   `json:"demoOfferDismissed"` // the user said "no thanks" to the demo
}

// UILanguage resolves the language setting against the OS language.
func (s Settings) UILanguage(system locale.Lang) locale.Lang {
	if l, ok := locale.ParseLang(s.Language); ok {
		return l
	}
	return system
}

// CheckLanguage validates a language setting.
func CheckLanguage(setting string) error {
	if setting == LanguageSystem {
		return nil
	}
	if _, ok := locale.ParseLang(setting); ok && len(setting) == 2 {
		return nil
	}
	return ErrLanguage.With(nil, nil)
}

// Store keeps the settings.
type Store interface {
	Settings(ctx context.Context) (Settings, error)
	UpdateSettings(ctx context.Context, change func(*Settings) error) (Settings, error)
}

// Service reads and changes the app's settings.
type Service struct {
	store  Store
	system locale.Lang
}

// NewService returns the service; system is the OS language.
func NewService(store Store, system locale.Lang) *Service {
	return &Service{store: store, system: system}
}

// Get returns the settings.
func (s *Service) Get(ctx context.Context) (Settings, error) { return s.store.Settings(ctx) }

// Language is the language of the UI and of messages: the user's choice,
// else the system's (also when the settings cannot be read).
func (s *Service) Language(ctx context.Context) locale.Lang {
	st, err := s.store.Settings(ctx)
	if err != nil {
		return s.system
	}
	return st.UILanguage(s.system)
}

// SetLanguage sets the UI language: "system", "fr" or "en".
func (s *Service) SetLanguage(ctx context.Context, setting string) error {
	if err := CheckLanguage(setting); err != nil {
		return err
	}
	_, err := s.store.UpdateSettings(ctx, func(st *Settings) error {
		st.Language = setting
		return nil
	})
	return err
}

// DismissDemoOffer hides the demo offer for good.
func (s *Service) DismissDemoOffer(ctx context.Context) error {
	_, err := s.store.UpdateSettings(ctx, func(st *Settings) error {
		st.DemoOfferDismissed = true
		return nil
	})
	return err
}
