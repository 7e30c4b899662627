// Package locale holds what depends on the user's language and region: the
// translated messages of the backend (errors, command line), the detection of
// the OS language and time zone, and the list of time zones offered.
package locale

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Lang is a language Ruche speaks.
type Lang string

// The languages of the UI.
const (
	French  Lang = "fr"
	English Lang = "en"
)

// Langs lists the supported languages.
var Langs = []Lang{French, English}

// ParseLang returns the supported language of a tag such as "fr", "fr_FR.UTF-8"
// or "en-GB"; ok is false for any other language.
func ParseLang(tag string) (Lang, bool) {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "_-.@"); i >= 0 {
		tag = tag[:i]
	}
	switch tag {
	case "fr":
		return French, true
	case "en":
		return English, true
	}
	return "", false
}

// Message returns the text of code in lang with {name} placeholders filled
// from args. An unknown code gives the generic internal message, an unknown
// language English.
func Message(lang Lang, code string, args map[string]any) string {
	cat, ok := catalogues[lang]
	if !ok {
		cat = catalogues[English]
	}
	text, ok := cat[code]
	if !ok {
		text = cat["internal"]
	}
	if len(args) == 0 {
		return text
	}
	text = pluralForm.ReplaceAllStringFunc(text, func(m string) string {
		parts := pluralForm.FindStringSubmatch(m)
		n, err := strconv.Atoi(fmt.Sprint(args[parts[1]]))
		if err != nil {
			return m
		}
		if one(lang, n) {
			return parts[2]
		}
		return parts[3]
	})
	pairs := make([]string, 0, 2*len(args))
	for k, v := range args {
		pairs = append(pairs, "{"+k+"}", fmt.Sprint(v))
	}
	return strings.NewReplacer(pairs...).Replace(text)
}

// pluralForm is "{count|one|other}" in a message: the form for the number
// in args["count"], by the language's rule.
var pluralForm = regexp.MustCompile(`\{([a-z]+)\|([^|{}]*)\|([^|{}]*)\}`)

// one reports whether n takes the singular: 0 and 1 in French, 1 in English.
func one(lang Lang, n int) bool {
	if lang == French {
		return n == 0 || n == 1
	}
	return n == 1
}

// Has reports whether code has a message.
func Has(code string) bool {
	_, ok := catalogues[English][code]
	return ok
}

// ZoneNames returns the IANA time zones offered to users, sorted.
func ZoneNames() []string { return append([]string(nil), zoneNames...) }

// ValidZone reports whether name is an IANA zone this build can load. "Local"
// and the empty name are refused: a workspace needs an explicit zone.
func ValidZone(name string) bool {
	if name == "" || name == "Local" || strings.TrimSpace(name) != name {
		return false
	}
	_, err := time.LoadLocation(name)
	return err == nil
}

// KnownZone reports whether name is in the picker's list.
func KnownZone(name string) bool {
	i := sort.SearchStrings(zoneNames, name)
	return i < len(zoneNames) && zoneNames[i] == name
}
