//go:build !windows

package store

import (
	"errors"
	"syscall"
)

// isDiskFull reports whether err comes from a full disk or a spent quota.
func isDiskFull(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
