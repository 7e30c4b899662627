//go:build windows

package store

import (
	"errors"
	"syscall"
)

// The Windows errors of a full disk (winerror.h).
const (
	errorHandleDiskFull syscall.Errno = 39
	errorDiskFull       syscall.Errno = 112
	errorDiskQuota      syscall.Errno = 1295 // ERROR_DISK_QUOTA_EXCEEDED
)

// isDiskFull reports whether err comes from a full disk or a spent quota.
func isDiskFull(err error) bool {
	return errors.Is(err, errorDiskFull) || errors.Is(err, errorHandleDiskFull) || errors.Is(err, errorDiskQuota) || errors.Is(err, syscall.ENOSPC)
}
