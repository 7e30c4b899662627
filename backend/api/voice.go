package api

import (
	"fmt"
	"strings"

	"ruche/backend/fault"
	textan "ruche/backend/text"
	"ruche/backend/text/dict"
)

// VoiceDTO is a workspace's brand voice as the Settings screen edits it.
// MaxExclamations and MaxEmoji are null for no limit; MinReadingEase 0
// has no rule.
type VoiceDTO struct {
	Forbidden       []VoiceWordDTO `json:"forbidden"`
	Signature       string         `json:"signature"`
	Hashtags        []string       `json:"hashtags"`
	Address         string         `json:"address"` // "vous", "tu" or "" (any)
	MaxExclamations *int           `json:"maxExclamations"`
	MaxEmoji        *int           `json:"maxEmoji"`
	NoAllCaps       bool           `json:"noAllCaps"`
	MinReadingEase  float64        `json:"minReadingEase"`
}

// VoiceWordDTO is a forbidden word and what to write instead ("" if
// nothing).
type VoiceWordDTO struct {
	Word string `json:"word"`
	Use  string `json:"use"`
}

// ErrVoice: a brand voice the store must not keep (an unknown address, a
// negative limit, a reading ease outside 0–100).
var ErrVoice = fault.New(fault.Invalid, "api.voice_invalid")

func errVoice(format string, args ...any) error {
	return ErrVoice.Because(fmt.Errorf("brand voice: "+format, args...))
}

// Voice returns the current workspace's brand voice.
func (s *Settings) Voice() (VoiceDTO, error) {
	sc, err := s.current()
	if err != nil {
		return VoiceDTO{}, err
	}
	v, err := sc.app.Proof.Voice(sc.ctx, sc.ws.ID)
	if err != nil {
		return VoiceDTO{}, err
	}
	return voiceDTO(v), nil
}

// SaveVoice replaces the current workspace's brand voice, trimmed, and
// returns it as saved. Negative limits or reading ease, a reading ease
// over 100 or an address other than vous, tu or "" are refused.
func (s *Settings) SaveVoice(in VoiceDTO) (VoiceDTO, error) {
	sc, err := s.current()
	if err != nil {
		return VoiceDTO{}, err
	}
	v, err := voiceOf(in)
	if err != nil {
		return VoiceDTO{}, err
	}
	if err := sc.app.Proof.SaveVoice(sc.ctx, sc.ws.ID, v); err != nil {
		return VoiceDTO{}, err
	}
	return voiceDTO(v), nil
}

// Credits returns the sources and licences of the dictionaries and word
// lists shipped with Ruche, as Markdown text, for the About section.
func (s *Settings) Credits() (string, error) { return dict.Credits(), nil }

func voiceOf(in VoiceDTO) (textan.Voice, error) {
	v := textan.Voice{Signature: strings.TrimSpace(in.Signature), Address: strings.TrimSpace(in.Address),
		NoAllCaps: in.NoAllCaps, MinReadingEase: in.MinReadingEase}
	if v.Address != "" && v.Address != "vous" && v.Address != "tu" {
		return v, errVoice("address %q", in.Address)
	}
	for _, n := range []*int{in.MaxExclamations, in.MaxEmoji} {
		if n != nil && *n < 0 {
			return v, errVoice("a limit of %d", *n)
		}
	}
	if in.MinReadingEase < 0 || in.MinReadingEase > 100 {
		return v, errVoice("a reading ease of %v", in.MinReadingEase)
	}
	if in.MaxExclamations != nil {
		v.MaxExclamations = new(int)
		*v.MaxExclamations = *in.MaxExclamations
	}
	if in.MaxEmoji != nil {
		v.MaxEmoji = new(int)
		*v.MaxEmoji = *in.MaxEmoji
	}
	for _, w := range in.Forbidden {
		if word := strings.TrimSpace(w.Word); word != "" {
			v.Forbidden = append(v.Forbidden, textan.VoiceWord{Word: word, Use: strings.TrimSpace(w.Use)})
		}
	}
	for _, h := range in.Hashtags {
		if h = strings.TrimSpace(h); h != "" {
			if !strings.HasPrefix(h, "#") {
				h = "#" + h
			}
			v.Hashtags = append(v.Hashtags, h)
		}
	}
	return v, nil
}

func voiceDTO(v textan.Voice) VoiceDTO {
	out := VoiceDTO{Forbidden: []VoiceWordDTO{}, Signature: v.Signature, Hashtags: nonNil(v.Hashtags), Address: v.Address,
		MaxExclamations: v.MaxExclamations, MaxEmoji: v.MaxEmoji, NoAllCaps: v.NoAllCaps, MinReadingEase: v.MinReadingEase}
	for _, w := range v.Forbidden {
		out.Forbidden = append(out.Forbidden, VoiceWordDTO{Word: w.Word, Use: w.Use})
	}
	return out
}
