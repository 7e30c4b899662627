package text

import "hash/maphash"

// foldIndex finds the dictionary forms of a word written without its
// accents or capitals: "evenement" → "événement". It maps each form's folded
// spelling to the form's offset in the wordSet; several forms may share a
// folded spelling ("eleve" → élève, élevé).
type foldIndex struct {
	seed  maphash.Seed
	words *wordSet
	keys  []byte      // folded spellings that differ from their form, length-prefixed
	slots []foldEntry // open addressing, duplicates allowed
}

type foldEntry struct {
	key  uint32 // offset+1 in keys, or 0 when the folded spelling is the form itself
	word uint32 // offset+1 of the form in words.blob; 0 is an empty slot
}

func buildFoldIndex(words, skip *wordSet) *foldIndex {
	size := 1024
	for size < words.n*2 {
		size *= 2
	}
	fi := &foldIndex{seed: maphash.MakeSeed(), words: words, slots: make([]foldEntry, size)}
	mask := uint64(size - 1)
	for off := 0; off < len(words.blob); {
		n := int(words.blob[off])
		w := string(words.blob[off+1 : off+1+n])
		if !skip.has(w) {
			f := fold(w)
			e := foldEntry{word: uint32(off) + 1}
			if f != w && len(f) <= maxSetWord {
				e.key = uint32(len(fi.keys)) + 1
				fi.keys = append(fi.keys, byte(len(f)))
				fi.keys = append(fi.keys, f...)
			}
			if len(f) <= maxSetWord {
				i := maphash.String(fi.seed, f) & mask
				for fi.slots[i].word != 0 {
					i = (i + 1) & mask
				}
				fi.slots[i] = e
			}
		}
		off += 1 + n
	}
	fi.keys = append([]byte(nil), fi.keys...)
	return fi
}

func (fi *foldIndex) keyEquals(e foldEntry, f string) bool {
	if e.key == 0 {
		return fi.words.equalAt(e.word-1, f)
	}
	off := e.key - 1
	n := int(fi.keys[off])
	return n == len(f) && string(fi.keys[off+1:int(off)+1+n]) == f
}

// lookup calls fn with every form whose folded spelling is f.
func (fi *foldIndex) lookup(f string, fn func(form string)) {
	if fi == nil || len(f) == 0 || len(f) > maxSetWord {
		return
	}
	mask := uint64(len(fi.slots) - 1)
	for i := maphash.String(fi.seed, f) & mask; fi.slots[i].word != 0; i = (i + 1) & mask {
		if e := fi.slots[i]; fi.keyEquals(e, f) {
			fn(fi.words.wordAt(e.word - 1))
		}
	}
}

// has reports whether some form folds to f.
func (fi *foldIndex) has(f string) bool {
	if fi == nil || len(f) == 0 || len(f) > maxSetWord {
		return false
	}
	mask := uint64(len(fi.slots) - 1)
	for i := maphash.String(fi.seed, f) & mask; fi.slots[i].word != 0; i = (i + 1) & mask {
		if fi.keyEquals(fi.slots[i], f) {
			return true
		}
	}
	return false
}

func (fi *foldIndex) bytes() int { return cap(fi.keys) + 8*cap(fi.slots) }
