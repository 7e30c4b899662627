package bluesky

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"math"
	"math/rand/v2"
	"testing"
)

// noisyPNG returns a w×h PNG of random pixels: it does not compress.
func noisyPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = byte(r.Uint32())
	}
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 255
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFitImageShrinksALargeImage(t *testing.T) {
	if testing.Short() {
		t.Skip("encodes a 12-megapixel image")
	}
	data := noisyPNG(t, 4000, 3000)
	if len(data) <= MaxImageBytes {
		t.Fatalf("test image is %d bytes, want over %d", len(data), MaxImageBytes)
	}
	got, err := fitImage(data, MaxImageBytes)
	if err != nil {
		t.Fatalf("fitImage() = %v", err)
	}
	if len(got.Data) > MaxImageBytes || got.MIME != "image/jpeg" {
		t.Errorf("fitImage() = %d bytes of %s, want a JPEG of at most %d", len(got.Data), got.MIME, MaxImageBytes)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(got.Data))
	if err != nil || format != "jpeg" || cfg.Width != got.Width || cfg.Height != got.Height {
		t.Fatalf("result decodes as %s %d×%d (%v), want jpeg %d×%d", format, cfg.Width, cfg.Height, err, got.Width, got.Height)
	}
	if ratio := float64(cfg.Width) / float64(cfg.Height); math.Abs(ratio-4.0/3.0) > 0.01 {
		t.Errorf("aspect ratio = %d×%d (%.3f), want 4:3", cfg.Width, cfg.Height, ratio)
	}
}

func TestFitImageKeepsASmallImage(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 30, 20))
	var buf bytes.Buffer
	png.Encode(&buf, img)
	got, err := fitImage(buf.Bytes(), MaxImageBytes)
	if err != nil {
		t.Fatalf("fitImage() = %v", err)
	}
	if !bytes.Equal(got.Data, buf.Bytes()) || got.MIME != "image/png" || got.Width != 30 || got.Height != 20 {
		t.Errorf("fitImage(small png) = %d bytes %s %d×%d, want it as it is", len(got.Data), got.MIME, got.Width, got.Height)
	}
}

func TestFlattenPutsTransparencyOnWhite(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 300, 200)) // all transparent
	src.Set(0, 0, color.NRGBA{R: 255, A: 255})
	got := flatten(src, 150, 100)
	if got.Bounds().Dx() != 150 || got.Bounds().Dy() != 100 {
		t.Fatalf("flatten() is %v, want 150×100", got.Bounds())
	}
	if c := got.RGBAAt(75, 50); c != (color.RGBA{255, 255, 255, 255}) {
		t.Errorf("transparent pixel became %v, want white", c)
	}
}

func TestFitImageFailures(t *testing.T) {
	tests := []struct {
		name  string
		data  []byte
		limit int
		want  error
	}{
		{"not an image", []byte("<html>not an image</html>"), MaxImageBytes, errUndecodable},
		{"empty", nil, MaxImageBytes, errUndecodable},
		{"truncated png", noisyPNG(t, 40, 40)[:200], 100, errUndecodable},
		{"cannot fit", noisyPNG(t, 400, 300), 200, errTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := fitImage(tt.data, tt.limit); !errors.Is(err, tt.want) {
				t.Errorf("fitImage() = %v, want %v", err, tt.want)
			}
		})
	}
}
