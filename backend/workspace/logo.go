package workspace

import (
	"bytes"
	"context"
	"fmt"
	"image"
	_ "image/jpeg" // the logo decoders
	_ "image/png"

	"ruche/backend/fault"
)

// Logo limits: a logo is printed on reports and shown in the window, never
// more than a few centimetres wide.
const (
	MaxLogoBytes = 2 << 20
	MaxLogoSide  = 4096
)

// The logo errors.
var (
	ErrLogoTooLarge  = fault.New(fault.Invalid, "workspace.logo_too_large")
	ErrLogoNotImage  = fault.New(fault.Invalid, "workspace.logo_not_image")
	ErrLogoDimension = fault.New(fault.Invalid, "workspace.logo_dimensions")
)

// CheckLogo returns the description of data if it is a PNG or JPEG logo
// within the limits.
func CheckLogo(data []byte) (Logo, error) {
	if len(data) > MaxLogoBytes {
		return Logo{}, LogoTooLarge(int64(len(data)))
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return Logo{}, ErrLogoNotImage.With(nil, err)
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width > MaxLogoSide || cfg.Height > MaxLogoSide {
		return Logo{}, ErrLogoDimension.With(map[string]any{"width": cfg.Width, "height": cfg.Height, "max": MaxLogoSide}, nil)
	}
	// DecodeConfig reads only the header: decode the whole image so that a
	// truncated file is refused now rather than on the client's report.
	if _, _, err := image.Decode(bytes.NewReader(data)); err != nil {
		return Logo{}, ErrLogoNotImage.With(nil, err)
	}
	return Logo{Type: "image/" + format, Width: cfg.Width, Height: cfg.Height, Size: len(data)}, nil
}

// SetLogo checks data and stores it as workspace id's logo.
func (s *Service) SetLogo(ctx context.Context, id string, data []byte) (Workspace, error) {
	logo, err := CheckLogo(data)
	if err != nil {
		return Workspace{}, err
	}
	return s.putLogo(ctx, id, &logo, data)
}

// RemoveLogo deletes workspace id's logo.
func (s *Service) RemoveLogo(ctx context.Context, id string) (Workspace, error) {
	return s.putLogo(ctx, id, nil, nil)
}

func (s *Service) putLogo(ctx context.Context, id string, logo *Logo, data []byte) (Workspace, error) {
	w, err := s.repo.Workspace(ctx, id)
	if err != nil {
		return Workspace{}, err
	}
	w.Logo = logo
	w.UpdatedAt = s.now().UTC()
	if err := s.repo.PutWorkspaceLogo(ctx, w, data); err != nil {
		return Workspace{}, err
	}
	return w, nil
}

// LogoData returns the bytes of workspace id's logo; nil if it has none.
func (s *Service) LogoData(ctx context.Context, id string) ([]byte, error) {
	return s.repo.WorkspaceLogo(ctx, id)
}

// LogoTooLarge is the error for a logo of size bytes, over MaxLogoBytes.
func LogoTooLarge(size int64) error {
	return ErrLogoTooLarge.With(map[string]any{"size": byteSize(size), "max": byteSize(MaxLogoBytes)}, nil)
}

func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
