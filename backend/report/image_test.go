package report

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

func TestNormalize(t *testing.T) {
	gray := image.NewGray16(image.Rect(0, 0, 40, 20)) // 16-bit: fpdf refuses it as it is
	var g16 bytes.Buffer
	if err := png.Encode(&g16, gray); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		data       []byte
		side       int
		wantW      int
		wantH      int
		wantFailed bool
	}{
		{"JPEG scaled down", testPhoto(t, 800, 600, true), 160, 160, 120, false},
		{"tall PNG scaled down", testPhoto(t, 300, 600, false), 160, 80, 160, false},
		{"small kept", testLogo(t), 600, 320, 120, false},
		{"16-bit gray", g16.Bytes(), 160, 40, 20, false},
		{"nothing", nil, 160, 0, 0, true},
		{"not an image", []byte("GIF89a or rather not"), 160, 0, 0, true},
		{"truncated", testPhoto(t, 200, 200, true)[:300], 160, 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pic, err := normalize(tt.data, tt.side)
			if tt.wantFailed {
				if err == nil {
					t.Fatal("normalize succeeded")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if pic.w != tt.wantW || pic.h != tt.wantH {
				t.Errorf("%d×%d, want %d×%d", pic.w, pic.h, tt.wantW, tt.wantH)
			}
			if ct := pic.png[25]; ct != 2 { // IHDR colour type: RGB, no alpha
				t.Errorf("PNG colour type %d, want 2 (opaque RGB)", ct)
			}
		})
	}
}

func TestNormalizeLaysOnWhite(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 4, 4)) // fully transparent
	img.Set(0, 0, color.NRGBA{255, 0, 0, 255})
	var buf bytes.Buffer
	png.Encode(&buf, img)
	pic, err := normalize(buf.Bytes(), 10)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := png.Decode(bytes.NewReader(pic.png))
	if r, g, b, _ := out.At(3, 3).RGBA(); r>>8 != 255 || g>>8 != 255 || b>>8 != 255 {
		t.Errorf("a transparent pixel is %v, want white", out.At(3, 3))
	}
	if r, g, _, _ := out.At(0, 0).RGBA(); r>>8 != 255 || g>>8 != 0 {
		t.Errorf("the red pixel is %v", out.At(0, 0))
	}
}

func TestShrinkAverages(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 4, 2))
	for x := range 4 {
		for y := range 2 {
			v := uint8(0)
			if x%2 == 1 {
				v = 200
			}
			img.Set(x, y, color.RGBA{v, v, v, 255})
		}
	}
	out := shrink(img, 2)
	if out.Rect.Dx() != 2 || out.Rect.Dy() != 1 {
		t.Fatalf("%v, want 2×1", out.Rect)
	}
	if got := out.RGBAAt(0, 0).R; got != 100 {
		t.Errorf("averaged pixel %d, want 100", got)
	}
}
