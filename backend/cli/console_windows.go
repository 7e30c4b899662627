//go:build windows

package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// AttachConsole connects a windowed build (-H windowsgui, which Wails uses)
// to the console it was started from, so that commands print where the user
// typed them. Redirected handles (pipes, files) are kept.
func AttachConsole() {
	const attachParentProcess = ^uint32(0) // ATTACH_PARENT_PROCESS
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := proc.Call(uintptr(attachParentProcess)); r == 0 {
		return
	}
	reopen := func(f **os.File, std uint32) {
		if h, err := windows.GetStdHandle(std); err == nil && h != 0 && h != windows.InvalidHandle {
			if t, err := windows.GetFileType(h); err == nil && t != windows.FILE_TYPE_UNKNOWN {
				return // already redirected to a pipe or a file
			}
		}
		if con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			*f = con
		}
	}
	reopen(&os.Stdout, windows.STD_OUTPUT_HANDLE)
	reopen(&os.Stderr, windows.STD_ERROR_HANDLE)
}
