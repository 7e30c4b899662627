package store

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
)

// Badger repairs what it finds at open without asking: a MANIFEST cut
// short is truncated at its last whole entry, and every table file the
// MANIFEST does not list is deleted. After a power cut in the middle of a
// write that is right; after damage (a MANIFEST cut or overwritten, a disk
// error) it wipes the data. So before Badger sees a folder that held data,
// Ruche reads the MANIFEST itself and compares it with the folder and with
// what it recorded at the last open (the state file): anything Badger would
// delete that is not a leftover of an interrupted write makes Open refuse,
// leaving every file as it was.

// stateFile is Ruche's record of a store folder, beside Badger's files.
const stateFile = "RUCHE-STATE"

// folderState is what Ruche knows of a store folder from its last open.
type folderState struct {
	// Schema is the store's schema when it was last opened: a store that
	// held data is never taken for a new one.
	Schema int `json:"schema"`
	// MaxTable is the highest table id Badger had made by then: a MANIFEST
	// that knows less lost entries.
	MaxTable uint64 `json:"maxTable"`
	// Logs are the sizes of the value log files Badger no longer writes
	// to, by file name. Badger cuts the last one at its first bad entry
	// when it opens: one shorter than its size here lost values.
	Logs map[string]int64 `json:"logs,omitempty"`
}

func readState(dir string) (folderState, bool, error) {
	raw, err := os.ReadFile(filepath.Join(dir, stateFile))
	if errors.Is(err, os.ErrNotExist) {
		return folderState{}, false, nil
	}
	if err != nil {
		return folderState{}, false, err
	}
	var st folderState
	if err := json.Unmarshal(raw, &st); err != nil {
		return folderState{}, false, fmt.Errorf("%s: %w", stateFile, err)
	}
	return st, true, nil
}

// writeState records st atomically.
func writeState(dir string, st folderState) error {
	raw, _ := json.Marshal(st)
	tmp := filepath.Join(dir, stateFile+".tmp")
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(raw)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, stateFile))
}

// manifestReport is what a MANIFEST says, read the way Badger reads it.
type manifestReport struct {
	live     map[uint64]bool // tables it lists
	ever     map[uint64]bool // tables it ever listed, deleted since or not
	maxEver  uint64
	cutShort bool // it ends in a partial entry (Badger would truncate it)
}

// errManifest is a MANIFEST Badger cannot read at all.
var errManifest = errors.New("the MANIFEST cannot be read")

// readManifest replays the MANIFEST of dir: magic, version, then entries
// of a length, a CRC-32C and a ManifestChangeSet.
func readManifest(dir string) (manifestReport, error) {
	rep := manifestReport{live: map[uint64]bool{}, ever: map[uint64]bool{}}
	f, err := os.Open(filepath.Join(dir, "MANIFEST"))
	if err != nil {
		return rep, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var head [8]byte
	if _, err := io.ReadFull(r, head[:]); err != nil || string(head[:4]) != "Bdgr" {
		return rep, fmt.Errorf("%w: no Badger header", errManifest)
	}
	castagnoli := crc32.MakeTable(crc32.Castagnoli)
	for {
		var lc [8]byte
		n, err := io.ReadFull(r, lc[:])
		if n == 0 && errors.Is(err, io.EOF) {
			return rep, nil
		}
		if err != nil {
			rep.cutShort = true
			return rep, nil
		}
		size := binary.BigEndian.Uint32(lc[:4])
		if size > 64<<20 {
			return rep, fmt.Errorf("%w: an entry of %d bytes", errManifest, size)
		}
		buf := make([]byte, size)
		if _, err := io.ReadFull(r, buf); err != nil {
			rep.cutShort = true
			return rep, nil
		}
		if crc32.Checksum(buf, castagnoli) != binary.BigEndian.Uint32(lc[4:]) {
			return rep, fmt.Errorf("%w: checksum mismatch", errManifest)
		}
		var set pb.ManifestChangeSet
		if err := proto.Unmarshal(buf, &set); err != nil {
			return rep, fmt.Errorf("%w: %v", errManifest, err)
		}
		for _, c := range set.Changes {
			switch c.Op {
			case pb.ManifestChange_CREATE:
				rep.live[c.Id], rep.ever[c.Id] = true, true
				rep.maxEver = max(rep.maxEver, c.Id)
			case pb.ManifestChange_DELETE:
				delete(rep.live, c.Id)
			}
		}
	}
}

// badgerFiles lists the table ids of dir's .sst files and whether dir holds
// any of Badger's files at all.
func badgerFiles(dir string) (tables map[uint64]bool, any bool, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, false, err
	}
	tables = map[uint64]bool{}
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasSuffix(name, ".sst"):
			if id, err := strconv.ParseUint(strings.TrimSuffix(name, ".sst"), 10, 64); err == nil {
				tables[id] = true
			}
			any = true
		case strings.HasSuffix(name, ".vlog"), strings.HasSuffix(name, ".mem"), name == "KEYREGISTRY", name == "MANIFEST":
			any = true
		}
	}
	return tables, any, nil
}

// checkIntegrity refuses, before Badger opens it, a store folder whose
// MANIFEST lost what Badger would then delete. It returns whether Badger
// will repair something on open (a MANIFEST cut short by an interrupted
// write, nothing lost): the caller copies the folder aside first.
func checkIntegrity(dir string) (repairs bool, err error) {
	st, known, err := readState(dir)
	if err != nil {
		return false, fmt.Errorf("the store's state: %w", err)
	}
	tables, holds, err := badgerFiles(dir)
	if err != nil {
		return false, err
	}
	if !Exists(dir) {
		if holds || (known && st.Schema > 0) {
			return false, errors.New("the MANIFEST is missing from a store that held data")
		}
		return false, nil
	}
	rep, err := readManifest(dir)
	if err != nil {
		return false, err
	}
	for name, size := range st.Logs {
		if fi, err := os.Stat(filepath.Join(dir, name)); err == nil && fi.Size() < size {
			return false, fmt.Errorf("the value log %s has %d bytes, it had %d", name, fi.Size(), size)
		}
	}
	if known && rep.maxEver < st.MaxTable {
		return false, fmt.Errorf("the MANIFEST knows tables up to %d, the store had made %d", rep.maxEver, st.MaxTable)
	}
	for id := range rep.live {
		if !tables[id] {
			return false, fmt.Errorf("table %d is listed but missing", id)
		}
	}
	// Tables Badger would delete: those the MANIFEST deleted (a crash came
	// before the file went) and those made after everything it lists (a
	// crash came before they were recorded) are leftovers. Any other was
	// recorded in entries the MANIFEST lost.
	for id := range tables {
		if !rep.live[id] && !rep.ever[id] && id <= rep.maxEver && !known {
			return false, fmt.Errorf("table %d is on disk but unknown to the MANIFEST", id)
		}
	}
	if rep.maxEver == 0 && len(tables) > 0 {
		return false, fmt.Errorf("the MANIFEST lists none of the %d tables on disk", len(tables))
	}
	return rep.cutShort, nil
}

// valueLogs returns the sizes of the value log files of dir, but the
// newest when open is set (Badger writes to it).
func valueLogs(dir string, open bool) map[string]int64 {
	logs := map[string]int64{}
	names, _ := filepath.Glob(filepath.Join(dir, "*.vlog"))
	slices.Sort(names) // fixed-width numbers: the newest last
	if open && len(names) > 0 {
		names = names[:len(names)-1]
	}
	for _, path := range names {
		if fi, err := os.Stat(path); err == nil {
			logs[filepath.Base(path)] = fi.Size()
		}
	}
	return logs
}

// copyFolder copies the files of dir into a new folder dest and returns
// their total size; a partial copy is removed.
func copyFolder(dir, dest string) (int64, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dest, 0o700); err != nil {
		return 0, err
	}
	var total int64
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		n, err := copyFile(filepath.Join(dir, e.Name()), filepath.Join(dest, e.Name()))
		if err != nil {
			os.RemoveAll(dest)
			return 0, err
		}
		total += n
	}
	return total, nil
}

func copyFile(from, to string) (int64, error) {
	in, err := os.Open(from)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// HoldsData reports whether dir holds a store's files, whole or not: a key
// must then be found, never made anew, and the folder is never started
// afresh.
func HoldsData(dir string) bool {
	_, any, err := badgerFiles(dir)
	if err != nil {
		return false
	}
	_, known, _ := readState(dir)
	return any || known
}
