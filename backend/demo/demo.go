// Package demo fills a clearly labelled demo workspace with realistic sample
// data, so that a new user sees a living app before connecting any account.
// Each feature adds its own sample data through a Filler.
package demo

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"math"
	"strconv"
	"strings"

	"ruche/backend/locale"
	"ruche/backend/workspace"
)

// Brand is the fictional business of the demo: a neighbourhood bakery.
var Brand = map[locale.Lang]string{
	locale.French:  "Le Fournil de Léa (démo)",
	locale.English: "Léa’s Bakery (demo)",
}

// Color is the demo brand's colour: crust.
const Color = "#c8553d"

// Filler adds one feature's sample data to the demo workspace. Fillers must
// be idempotent: Refresh runs them every time.
type Filler interface {
	FillDemo(ctx context.Context, w workspace.Workspace) error
}

// Refresh creates the demo workspace, or brings an existing one back to its
// sample state, runs the fillers, and makes it current.
func Refresh(ctx context.Context, ws *workspace.Service, lang locale.Lang, fillers ...Filler) (workspace.Workspace, error) {
	in := workspace.Input{Name: Brand[lang], TimeZone: "Europe/Paris", Language: string(lang), Color: Color}
	if in.Name == "" {
		in.Name = Brand[locale.English]
	}
	w, err := find(ctx, ws)
	switch {
	case err != nil:
		return workspace.Workspace{}, err
	case w.ID == "":
		w, err = ws.Create(ctx, in, true)
	default:
		w, err = ws.Update(ctx, w.ID, in)
	}
	if err != nil {
		return workspace.Workspace{}, err
	}
	if w, err = ws.SetLogo(ctx, w.ID, Logo(Color)); err != nil {
		return workspace.Workspace{}, err
	}
	for _, f := range fillers {
		if err := f.FillDemo(ctx, w); err != nil {
			return workspace.Workspace{}, err
		}
	}
	return ws.Switch(ctx, w.ID)
}

// Find returns the demo workspace; a zero Workspace if there is none.
func find(ctx context.Context, ws *workspace.Service) (workspace.Workspace, error) {
	all, err := ws.List(ctx)
	for _, w := range all {
		if w.Demo {
			return w, nil
		}
	}
	return workspace.Workspace{}, err
}

// Logo draws the demo brand's logo: a hexagon of the brand colour holding a
// lighter wheat ear, as a 256×256 PNG.
func Logo(hex string) []byte {
	const size = 256
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	brand := parseHex(hex)
	light := color.RGBA{R: 0xfb, G: 0xe9, B: 0xc6, A: 0xff}
	c := float64(size) / 2
	for y := range size {
		for x := range size {
			dx, dy := float64(x)+0.5-c, float64(y)+0.5-c
			if insideHexagon(dx, dy, c*0.95) {
				img.Set(x, y, brand)
				// The ear: a stem and five grains on each side.
				if math.Abs(dx) < 4 && dy > -70 && dy < 80 {
					img.Set(x, y, light)
				}
				for i := range 5 {
					gy := -60 + float64(i)*26
					for _, side := range []float64{-1, 1} {
						ex, ey := dx-side*18, dy-gy
						if (ex*ex)/(16*16)+(ey*ey)/(10*10) < 1 {
							img.Set(x, y, light)
						}
					}
				}
			}
		}
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	return b.Bytes()
}

func insideHexagon(x, y, r float64) bool {
	x, y = math.Abs(x), math.Abs(y)
	return y <= r*math.Sqrt(3)/2 && math.Sqrt(3)*x+y <= math.Sqrt(3)*r
}

func parseHex(h string) color.RGBA {
	v, err := strconv.ParseUint(strings.TrimPrefix(h, "#"), 16, 32)
	if err != nil {
		return color.RGBA{A: 0xff}
	}
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xff}
}
