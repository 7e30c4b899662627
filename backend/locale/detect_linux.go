//go:build !windows && !darwin

package locale

func platformLang() string { return "" }

func platformZone() string { return unixZone() }
