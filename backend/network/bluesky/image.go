package bluesky

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // decoders of the images people attach
	"image/jpeg"
	_ "image/png"
	"math"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp"
)

// MaxImageBytes is the largest image Ruche sends to Bluesky; a larger one
// is re-encoded as JPEG until it fits.
const MaxImageBytes = 1_000_000

// maxPixels bounds the images decoded, against decompression bombs: 80
// megapixels, more than any phone camera.
const maxPixels = 80_000_000

// minSide is the smallest width or height the downscaling goes to.
const minSide = 64

// The ways fitting an image fails.
var (
	errUndecodable = errors.New("bluesky: not an image Ruche can read")
	errTooLarge    = errors.New("bluesky: the image stays too large")
)

// fitted is an image ready to upload.
type fitted struct {
	Data          []byte
	MIME          string // e.g. "image/jpeg"
	Width, Height int
}

// fitImage returns data as it is when it is a JPEG, PNG, WebP or GIF image
// of at most limit bytes; else re-encoded as JPEG (transparency on white),
// stepping the quality down, then the size (keeping the aspect ratio),
// until it fits. It fails with errUndecodable or errTooLarge.
func fitImage(data []byte, limit int) (fitted, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return fitted{}, fmt.Errorf("%w: %w", errUndecodable, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return fitted{}, errUndecodable
	}
	if int64(cfg.Width)*int64(cfg.Height) > maxPixels {
		return fitted{}, fmt.Errorf("%w: %d×%d pixels", errTooLarge, cfg.Width, cfg.Height)
	}
	if len(data) <= limit {
		return fitted{Data: data, MIME: "image/" + format, Width: cfg.Width, Height: cfg.Height}, nil
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return fitted{}, fmt.Errorf("%w: %w", errUndecodable, err)
	}
	b := src.Bounds()
	// Bluesky shows images at most 2000 pixels wide or high: start there.
	scale := math.Min(1, 2000/float64(max(b.Dx(), b.Dy())))
	var buf bytes.Buffer
	for {
		w, h := int(math.Round(float64(b.Dx())*scale)), int(math.Round(float64(b.Dy())*scale))
		if w < minSide || h < minSide {
			return fitted{}, fmt.Errorf("%w: still over %d bytes at %d×%d", errTooLarge, limit, w, h)
		}
		img := flatten(src, w, h)
		for _, q := range []int{85, 75, 65} {
			buf.Reset()
			if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
				return fitted{}, fmt.Errorf("bluesky: encode the image: %w", err)
			}
			if buf.Len() <= limit {
				return fitted{Data: bytes.Clone(buf.Bytes()), MIME: "image/jpeg", Width: w, Height: h}, nil
			}
		}
		// The size goes roughly with the area: aim a little under, by at
		// least a tenth and at most a half of each side.
		scale *= math.Max(0.5, math.Min(0.9, 0.95*math.Sqrt(float64(limit)/float64(buf.Len()))))
	}
}

// flatten returns src scaled to w×h on a white background, so that
// transparent pixels do not turn black in a JPEG.
func flatten(src image.Image, w, h int) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
	return dst
}
