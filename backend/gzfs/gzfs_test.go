package gzfs

import (
	"bytes"
	"compress/gzip"
	"io/fs"
	"testing"
	"testing/fstest"
)

func gz(t *testing.T, s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestFS(t *testing.T) {
	src := fstest.MapFS{"fr.dic.gz": {Data: gz(t, "2\nbonjour\nboulangerie\n")}, "broken.gz": {Data: []byte("not gzip")},
		"CREDITS.md": {Data: []byte("as it is")}}
	f := New(src)
	got, err := fs.ReadFile(f, "fr.dic")
	if err != nil || string(got) != "2\nbonjour\nboulangerie\n" {
		t.Errorf("ReadFile(fr.dic) = %q, %v", got, err)
	}
	if got, err := fs.ReadFile(f, "CREDITS.md"); err != nil || string(got) != "as it is" {
		t.Errorf("ReadFile(CREDITS.md) = %q, %v; want it as it is", got, err)
	}
	if _, err := fs.ReadFile(f, "missing.dic"); err == nil {
		t.Error("ReadFile(missing) = nil error")
	}
	if _, err := f.ReadFile("broken"); err == nil {
		t.Error("ReadFile(broken) = nil error, want the gzip error")
	}
	st, err := fs.Stat(f, "fr.dic")
	if err != nil || st.Size() != 22 || st.Name() != "fr.dic" {
		t.Errorf("Stat(fr.dic) = %v, %v", st, err)
	}
}
