// Package dict holds the spelling dictionaries Ruche ships, embedded in the
// binary: French (Grammalecte, MPL-2.0) and American English (SCOWL), plus
// short lists of words of Ruche's own that they lack (email, hashtag…).
// CREDITS.md names their sources and licences for the About screen.
package dict

import (
	"embed"
	"io/fs"

	"ruche/backend/gzfs"
)

// The dictionaries are kept gzip-compressed: a quarter of their size.
//
//go:embed fr.aff.gz fr.dic.gz fr_extra.txt en_US.aff.gz en_US.dic.gz en_extra.txt CREDITS.md
var files embed.FS

// Files returns the dictionaries: for each language L (fr, en_US), L.aff,
// L.dic and L_extra.txt, and CREDITS.md.
func Files() fs.FS { return gzfs.New(files) }

// Credits returns CREDITS.md: the sources and licences of the dictionaries
// and lexicons, for an About screen.
func Credits() string {
	b, _ := files.ReadFile("CREDITS.md")
	return string(b)
}
