package store

import "io"

// ReadBackupStream opens the backup file at path with the store's key,
// checks its header and meta, and hands fn the decrypted Badger stream,
// changing nothing. It is what the end-to-end secret scan reads backups
// with (backend/boot/secrets_scan_test.go): a backup must hold no token.
func (s *Store) ReadBackupStream(path string, fn func(io.Reader) error) error {
	return s.readBackup(path, fn)
}
