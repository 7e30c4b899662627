//go:build !windows

package cli

// AttachConsole does nothing where programs always have their terminal.
func AttachConsole() {}
