package report

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	_ "image/jpeg" // logos and thumbnails
	"image/png"
)

// maxSourcePixels bounds the images decoded (64 MB once decoded): a larger
// logo or thumbnail is left out rather than filling the memory.
const maxSourcePixels = 4096 * 4096

// picture is an image ready for the PDF: an opaque 8-bit RGB PNG, which
// fpdf embeds as it is, and its size in pixels.
type picture struct {
	png  []byte
	w, h int
}

// normalize decodes a PNG or JPEG, scales it down to at most side pixels on
// its longer side, lays it on white and encodes it as an opaque PNG. Any
// image Go decodes works, whatever fpdf supports (interlaced or 16-bit PNG,
// CMYK JPEG).
func normalize(data []byte, side int) (picture, error) {
	if len(data) == 0 {
		return picture{}, errors.New("no image")
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return picture{}, err
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width*cfg.Height > maxSourcePixels {
		return picture{}, fmt.Errorf("image of %d×%d pixels", cfg.Width, cfg.Height)
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return picture{}, err
	}
	b := src.Bounds()
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(rgba, rgba.Bounds(), src, b.Min, draw.Over)
	out := shrink(rgba, side)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, out); err != nil {
		return picture{}, err
	}
	return picture{png: buf.Bytes(), w: out.Rect.Dx(), h: out.Rect.Dy()}, nil
}

// shrink scales img down, averaging the source pixels each target pixel
// covers, so that its longer side is at most side; a smaller image is
// returned as it is.
func shrink(img *image.RGBA, side int) *image.RGBA {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	if w <= side && h <= side {
		return img
	}
	nw, nh := side, max(1, h*side/w)
	if h > w {
		nw, nh = max(1, w*side/h), side
	}
	out := image.NewRGBA(image.Rect(0, 0, nw, nh))
	for y := range nh {
		y0, y1 := y*h/nh, max((y+1)*h/nh, y*h/nh+1)
		for x := range nw {
			x0, x1 := x*w/nw, max((x+1)*w/nw, x*w/nw+1)
			var r, g, b, n uint32
			for sy := y0; sy < y1; sy++ {
				row := img.Pix[sy*img.Stride+x0*4 : sy*img.Stride+x1*4]
				for i := 0; i < len(row); i += 4 {
					r += uint32(row[i])
					g += uint32(row[i+1])
					b += uint32(row[i+2])
					n++
				}
			}
			o := out.PixOffset(x, y)
			out.Pix[o], out.Pix[o+1], out.Pix[o+2], out.Pix[o+3] = uint8(r/n), uint8(g/n), uint8(b/n), 255
		}
	}
	return out
}
