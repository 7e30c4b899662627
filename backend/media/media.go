// Package media reads what Ruche needs to know of an image or a video on the
// user's disk before attaching it to a post: its type, from its first bytes
// rather than its name, its size, and an image's dimensions. Whether a
// network accepts it is for package network to say.
package media

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // registered for image.DecodeConfig
	_ "image/jpeg"
	_ "image/png"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"ruche/backend/fault"
	"ruche/backend/post"
)

// The errors of reading a media file.
var (
	ErrMissing    = fault.New(fault.Invalid, "media.missing")
	ErrNotFile    = fault.New(fault.Invalid, "media.not_file")
	ErrUnreadable = fault.New(fault.Invalid, "media.unreadable")
)

// sniffLen is how many bytes http.DetectContentType looks at.
const sniffLen = 512

// Inspect reads the file at path and returns it as a post's media, without
// alt text: its MIME type sniffed from its content, its size, and, for a
// PNG, JPEG, GIF or WebP image, its width and height.
func Inspect(path string) (post.Media, error) {
	args := map[string]any{"file": filepath.Base(path)}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return post.Media{}, ErrMissing.With(args, err)
	case err != nil:
		args["reason"] = reason(err)
		return post.Media{}, ErrUnreadable.With(args, err)
	case !fi.Mode().IsRegular():
		return post.Media{}, ErrNotFile.With(args, fmt.Errorf("%s is not a regular file", path))
	}
	f, err := os.Open(path)
	if err != nil {
		args["reason"] = reason(err)
		return post.Media{}, ErrUnreadable.With(args, err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	head, err := r.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		args["reason"] = reason(err)
		return post.Media{}, ErrUnreadable.With(args, err)
	}
	m := post.Media{Path: path, MIME: sniff(head), Size: fi.Size()}
	switch m.MIME {
	case "image/png", "image/jpeg", "image/gif":
		if cfg, _, err := image.DecodeConfig(r); err == nil {
			m.Width, m.Height = cfg.Width, cfg.Height
		}
	case "image/webp":
		m.Width, m.Height, _ = webpSize(head)
	}
	return m, nil
}

// sniff returns the MIME type of a file that starts with head, without
// parameters: http.DetectContentType, which knows images, MP4 and WebM, plus
// QuickTime, which it does not.
func sniff(head []byte) string {
	if len(head) >= 12 && string(head[4:8]) == "ftyp" && string(head[8:12]) == "qt  " {
		return "video/quicktime"
	}
	t, _, _ := strings.Cut(http.DetectContentType(head), ";")
	return t
}

// webpSize reads the dimensions of a WebP image from its first bytes: the
// header of its VP8X, VP8L or VP8 chunk.
func webpSize(b []byte) (w, h int, ok bool) {
	if len(b) < 30 || string(b[0:4]) != "RIFF" || string(b[8:12]) != "WEBP" {
		return 0, 0, false
	}
	le24 := func(p []byte) int { return int(p[0]) | int(p[1])<<8 | int(p[2])<<16 }
	switch string(b[12:16]) {
	case "VP8X": // extended: canvas size minus one, 24 bits each
		return le24(b[24:27]) + 1, le24(b[27:30]) + 1, true
	case "VP8L": // lossless: a signature byte, then 14 bits each, minus one
		if b[20] != 0x2f {
			return 0, 0, false
		}
		bits := binary.LittleEndian.Uint32(b[21:25])
		return int(bits&0x3fff) + 1, int(bits>>14&0x3fff) + 1, true
	case "VP8 ": // lossy: a start code, then 14 bits each
		if b[23] != 0x9d || b[24] != 0x01 || b[25] != 0x2a {
			return 0, 0, false
		}
		return int(binary.LittleEndian.Uint16(b[26:28]) & 0x3fff), int(binary.LittleEndian.Uint16(b[28:30]) & 0x3fff), true
	}
	return 0, 0, false
}

// reason is the cause shown to the user, without the path we already name.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
