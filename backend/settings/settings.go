// Package settings holds the choices that belong to the app rather than to a
// workspace: the UI language, the current workspace, the first-run offers.
package settings

import (
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
