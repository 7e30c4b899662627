package store

// A full disk must fail a write, never the process. Badger writes its
// memtable log, value log and tables through memory maps of files it sizes
// ahead: on a full disk a write to such a map is a SIGBUS that kills Ruche
// instead of an error (seen on a full tmpfs). So the store keeps room on
// its disk: below MinFree every write is refused with ErrDiskFull before it
// reaches Badger, nothing in the store changes, and writes go through again
// by themselves once space is back. The limit: Badger's own background
// work (a memtable flushed, a compaction) still writes through its maps;
// the room kept is sized for that.

// DefaultMinFree is the room kept free: two memtables, a flush and small
// compactions, and the log.
const DefaultMinFree = 64 << 20

func (s *Store) minFree() uint64 {
	if s.cfg.MinFree > 0 {
		return uint64(s.cfg.MinFree)
	}
	return DefaultMinFree
}

// checkSpace refuses a write when the store's disk has less than MinFree
// left, and tells OnSpace when the disk fills up or has room again.
func (s *Store) checkSpace() error {
	free, err := freeSpace(s.cfg.Dir)
	if err != nil {
		return nil // unknown: the write itself tells
	}
	full := free < s.minFree()
	if s.full.Swap(full) != full && s.cfg.OnSpace != nil {
		s.cfg.OnSpace(full)
	}
	if full {
		return ErrDiskFull.With(map[string]any{"dir": s.cfg.Dir}, nil)
	}
	return nil
}

// DiskFull reports whether the last write found the disk full.
func (s *Store) DiskFull() bool { return s.full.Load() }
