package media

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/post"
)

func encoded(t *testing.T, enc func(*bytes.Buffer, image.Image) error, w, h int) []byte {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	var b bytes.Buffer
	if err := enc(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// webpVP8X is the start of an extended WebP image of 1200×628.
func webpVP8X() []byte {
	b := []byte("RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00")
	b = append(b, (1200-1)&0xff, (1200-1)>>8, 0, (628-1)&0xff, (628-1)>>8, 0)
	return append(b, make([]byte, 64)...)
}

// webpVP8L is the start of a lossless WebP image of 100×50.
func webpVP8L() []byte {
	bits := uint32(100-1) | uint32(50-1)<<14
	b := []byte("RIFF\x00\x00\x00\x00WEBPVP8L\x00\x00\x00\x00\x2f")
	b = append(b, byte(bits), byte(bits>>8), byte(bits>>16), byte(bits>>24))
	return append(b, make([]byte, 64)...)
}

// webpVP8 is the start of a lossy WebP image of 300×200.
func webpVP8() []byte {
	b := []byte("RIFF\x00\x00\x00\x00WEBPVP8 \x00\x00\x00\x00\x00\x00\x00\x9d\x01\x2a")
	b = append(b, 300&0xff, 300>>8, 200, 0)
	return append(b, make([]byte, 64)...)
}

func TestInspect(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"photo.png":  encoded(t, func(b *bytes.Buffer, i image.Image) error { return png.Encode(b, i) }, 640, 480),
		"photo.jpg":  encoded(t, func(b *bytes.Buffer, i image.Image) error { return jpeg.Encode(b, i, nil) }, 320, 200),
		"anim.gif":   encoded(t, func(b *bytes.Buffer, i image.Image) error { return gif.Encode(b, i, nil) }, 16, 9),
		"cover.webp": webpVP8X(),
		"flat.webp":  webpVP8L(),
		"lossy.webp": webpVP8(),
		"clip.mp4":   append([]byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom"), make([]byte, 32)...),
		"clip.mov":   append([]byte("\x00\x00\x00\x14ftypqt  \x00\x00\x02\x00qt  "), make([]byte, 32)...),
		// The name lies: the content decides.
		"notes.png": []byte("%PDF-1.7 a document"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		file string
		want post.Media
	}{
		{"photo.png", post.Media{MIME: "image/png", Width: 640, Height: 480}},
		{"photo.jpg", post.Media{MIME: "image/jpeg", Width: 320, Height: 200}},
		{"anim.gif", post.Media{MIME: "image/gif", Width: 16, Height: 9}},
		{"cover.webp", post.Media{MIME: "image/webp", Width: 1200, Height: 628}},
		{"flat.webp", post.Media{MIME: "image/webp", Width: 100, Height: 50}},
		{"lossy.webp", post.Media{MIME: "image/webp", Width: 300, Height: 200}},
		{"clip.mp4", post.Media{MIME: "video/mp4"}},
		{"clip.mov", post.Media{MIME: "video/quicktime"}},
		{"notes.png", post.Media{MIME: "application/pdf"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			got, err := Inspect(path)
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Path, tt.want.Size = path, int64(len(files[tt.file]))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Inspect(%s) mismatch (-want +got):\n%s", tt.file, diff)
			}
		})
	}
}

func TestInspectRefuses(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "photo.png")
	os.WriteFile(file, []byte("x"), 0o600)
	tests := []struct {
		name, path string
		want       error
	}{
		{"missing", filepath.Join(dir, "gone.png"), ErrMissing},
		{"a folder", dir, ErrNotFile},
		{"unreadable: a file taken for a folder", filepath.Join(file, "x.png"), ErrUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Inspect(tt.path)
			if !errors.Is(err, tt.want) {
				t.Errorf("Inspect(%s) = %v, want %v", tt.path, err, tt.want)
			}
		})
	}
}
