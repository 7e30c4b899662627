package locale

import (
	"os"
	"path/filepath"
	"strings"
)

// System describes the OS settings Ruche starts from.
type System struct {
	Lang Lang   // the UI language of the OS, English if unsupported
	Zone string // the IANA zone of the OS, "UTC" if unknown
}

// Env reads the process environment; tests pass their own.
type Env func(key string) string

// Detect returns the OS language and time zone. env is consulted first (LC_ALL,
// LC_MESSAGES, LANG, LANGUAGE, TZ), then the platform's own settings.
func Detect(env Env) System {
	return System{Lang: detectLang(env), Zone: detectZone(env)}
}

func detectLang(env Env) Lang {
	for _, key := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := env(key)
		if v == "" || v == "C" || v == "POSIX" || strings.HasPrefix(v, "C.") {
			continue
		}
		if l, ok := ParseLang(v); ok {
			return l
		}
		return English
	}
	for _, v := range strings.Split(env("LANGUAGE"), ":") {
		if l, ok := ParseLang(v); ok {
			return l
		}
	}
	if l, ok := ParseLang(platformLang()); ok {
		return l
	}
	return English
}

func detectZone(env Env) string {
	if tz := strings.TrimPrefix(env("TZ"), ":"); tz != "" {
		if z := zoneFromPath(tz); ValidZone(z) {
			return z
		}
	}
	if z := platformZone(); ValidZone(z) {
		return z
	}
	return "UTC"
}

// zoneFromPath turns "/usr/share/zoneinfo/Europe/Paris" or "Europe/Paris"
// into "Europe/Paris"; "Etc/UTC" and friends become "UTC".
func zoneFromPath(p string) string {
	p = filepath.ToSlash(p)
	if i := strings.LastIndex(p, "zoneinfo/"); i >= 0 {
		p = p[i+len("zoneinfo/"):]
	}
	switch p {
	case "Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu", "Etc/GMT", "GMT":
		return "UTC"
	}
	return p
}

// unixZone reads the zone from /etc/localtime's link, then /etc/timezone.
func unixZone() string {
	if target, err := os.Readlink("/etc/localtime"); err == nil {
		if z := zoneFromPath(target); ValidZone(z) {
			return z
		}
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil {
		return zoneFromPath(strings.TrimSpace(string(b)))
	}
	return ""
}
