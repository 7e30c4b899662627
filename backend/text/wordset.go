package text

import "hash/maphash"

// wordSet is a set of words kept in one byte slice and an open-addressing
// table of offsets: a French dictionary expands to several hundred thousand
// forms, which as a map[string]struct{} would cost three times the memory
// and give the garbage collector a pointer per word to scan.
//
// A set is built by one goroutine and only read afterwards.
type wordSet struct {
	seed  maphash.Seed
	blob  []byte   // each word as one length byte then its bytes
	slots []uint32 // offset+1 of a word in blob; 0 is an empty slot
	n     int
}

// maxSetWord is the longest word a wordSet holds, in bytes.
const maxSetWord = 255

func newWordSet(sizeHint int) *wordSet {
	size := 1024
	for size < sizeHint*2 {
		size *= 2
	}
	return &wordSet{seed: maphash.MakeSeed(), slots: make([]uint32, size), blob: make([]byte, 0, sizeHint*10)}
}

func (s *wordSet) wordAt(off uint32) string {
	n := uint32(s.blob[off])
	return string(s.blob[off+1 : off+1+n])
}

// equalAt reports whether the word at off is w, without allocating.
func (s *wordSet) equalAt(off uint32, w string) bool {
	n := int(s.blob[off])
	if n != len(w) {
		return false
	}
	return string(s.blob[off+1:int(off)+1+n]) == w
}

// find returns the slot of w, or of the empty slot where it would go.
func (s *wordSet) find(w string) int {
	mask := uint64(len(s.slots) - 1)
	i := maphash.String(s.seed, w) & mask
	for {
		o := s.slots[i]
		if o == 0 || s.equalAt(o-1, w) {
			return int(i)
		}
		i = (i + 1) & mask
	}
}

// has reports whether w is in the set.
func (s *wordSet) has(w string) bool {
	if s == nil || len(w) == 0 || len(w) > maxSetWord {
		return false
	}
	return s.slots[s.find(w)] != 0
}

// add puts w in the set and reports whether it was new.
func (s *wordSet) add(w string) bool {
	if len(w) == 0 || len(w) > maxSetWord {
		return false
	}
	i := s.find(w)
	if s.slots[i] != 0 {
		return false
	}
	s.slots[i] = uint32(len(s.blob)) + 1
	s.blob = append(s.blob, byte(len(w)))
	s.blob = append(s.blob, w...)
	s.n++
	if s.n*4 > len(s.slots)*3 {
		s.grow()
	}
	return true
}

func (s *wordSet) grow() {
	old := s.slots
	s.slots = make([]uint32, len(old)*2)
	mask := uint64(len(s.slots) - 1)
	for _, o := range old {
		if o == 0 {
			continue
		}
		i := maphash.String(s.seed, s.wordAt(o-1)) & mask
		for s.slots[i] != 0 {
			i = (i + 1) & mask
		}
		s.slots[i] = o
	}
}

// each calls fn for every word until fn returns false.
func (s *wordSet) each(fn func(w string) bool) {
	for off := 0; off < len(s.blob); {
		n := int(s.blob[off])
		if !fn(string(s.blob[off+1 : off+1+n])) {
			return
		}
		off += 1 + n
	}
}

// bytes is the memory the set holds.
func (s *wordSet) bytes() int { return cap(s.blob) + 4*cap(s.slots) }

// compact drops the spare capacity of the word blob once loading is done.
func (s *wordSet) compact() {
	s.blob = append([]byte(nil), s.blob...)
}
