package network

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"ruche/backend/fault"
	"ruche/backend/locale"
	"ruche/backend/post"
)

func jpeg(name string, size int64, alt string) post.Media {
	return post.Media{Path: "/home/lea/Images/" + name, MIME: "image/jpeg", Size: size, Alt: alt}
}

func TestValidate(t *testing.T) {
	ok := jpeg("pain.jpg", 500_000, "Un pain doré")
	tests := []struct {
		name    string
		network string
		v       post.Variant
		want    []string // codes, errors first
	}{
		{"fine", Bluesky, post.Variant{Text: "Bonjour", Media: []post.Media{ok}}, nil},
		{"image alone", Mastodon, post.Variant{Media: []post.Media{ok}}, nil},
		{"empty", Mastodon, post.Variant{Text: "  "}, []string{ProblemEmpty}},
		{"instagram without media", Instagram, post.Variant{Text: "Bonjour"}, []string{ProblemMediaRequired}},
		{"too long", Bluesky, post.Variant{Text: strings.Repeat("a", 301)}, []string{ProblemTooLong}},
		{"too many bytes", Bluesky, post.Variant{Text: strings.Repeat("👨‍👩‍👧", 200)}, []string{ProblemTooManyBytes}},
		{"thread where none", LinkedIn, post.Variant{Text: "a", Thread: []string{"b"}}, []string{ProblemThreadUnsupported}},
		{"thread parts", Mastodon, post.Variant{Text: "a", Thread: []string{"b", " ", strings.Repeat("c", 501)}},
			[]string{ProblemThreadPartEmpty, ProblemThreadPartTooLong}},
		{"first comment where none", Mastodon, post.Variant{Text: "a", FirstComment: "#pain"}, []string{ProblemCommentUnsupported}},
		{"first comment too long", LinkedIn, post.Variant{Text: "a", FirstComment: strings.Repeat("c", 3001)}, []string{ProblemCommentTooLong}},
		{"link", Mastodon, post.Variant{Text: "a", Link: "fournil.example"}, []string{ProblemLinkInvalid}},
		{"media", Bluesky, post.Variant{Text: "a", Media: []post.Media{
			jpeg("grand.jpg", 60_000_000, "Grand"),
			{Path: "/tmp/anim.gif", MIME: "image/gif", Size: 10, Alt: "Animation"},
			jpeg("sans-alt.jpg", 1000, " "),
			ok, ok,
		}}, []string{ProblemMediaTooMany, ProblemMediaTooLarge, ProblemMediaType, ProblemAltMissing}},
		{"video limit", Mastodon, post.Variant{Text: "a", Media: []post.Media{{Path: "v.mp4", MIME: "video/mp4", Size: 50 << 20, Alt: "Le four"}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Validate(tt.v, defaults(t, tt.network)) {
				got = append(got, p.Code)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Validate() codes mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestValidateSaysWhereAndHowMuch(t *testing.T) {
	v := post.Variant{Text: strings.Repeat("a", 305), Thread: []string{"ok", strings.Repeat("b", 310)},
		Media: []post.Media{jpeg("a.jpg", 10, "A"), jpeg("b.jpg", 10, "")}}
	got := Validate(v, defaults(t, Bluesky))
	want := []Problem{
		{Code: ProblemTooLong, Severity: SeverityError, Field: "text", Args: map[string]any{"network": "Bluesky", "used": 305, "limit": 300, "over": 5}},
		{Code: ProblemThreadPartTooLong, Severity: SeverityError, Field: "thread", Index: 1,
			Args: map[string]any{"network": "Bluesky", "used": 310, "limit": 300, "over": 10, "part": 3}},
		{Code: ProblemAltMissing, Severity: SeverityWarning, Field: "media", Index: 1, Args: map[string]any{"network": "Bluesky", "file": "b.jpg"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Validate() mismatch (-want +got):\n%s", diff)
	}
	if !Blocking(got) || Blocking(got[2:]) {
		t.Errorf("Blocking() wrong: errors block, warnings alone do not")
	}
}

// TestMessagesGetTheirValues checks that every problem and failure has a
// message in each language, with every {placeholder} filled.
func TestMessagesGetTheirValues(t *testing.T) {
	var codes []string
	args := map[string]map[string]any{}
	bad := []post.Variant{
		{Text: " "},
		{Text: strings.Repeat("a", 301), Thread: []string{"", strings.Repeat("b", 301)}, FirstComment: "c", Link: "x",
			Media: []post.Media{jpeg("a.jpg", 5_000_000, ""), {Path: "b.tiff", MIME: "image/tiff"}, jpeg("c", 1, "c"), jpeg("d", 1, "d"), jpeg("e", 1, "e"), jpeg("f", 60_000_000, "f")}},
		{Text: strings.Repeat("👨‍👩‍👧", 200), Thread: []string{strings.Repeat("👨‍👩‍👧", 200)}},
		{Text: "a", FirstComment: strings.Repeat("c", 3001)},
		{Text: "a", Visibility: "friends"},
	}
	for _, network := range []string{Bluesky, LinkedIn, Instagram} {
		for _, v := range bad {
			for _, p := range Validate(v, defaults(t, network)) {
				codes = append(codes, p.Code)
				args[p.Code] = p.Args
			}
		}
	}
	for _, code := range ProblemCodes {
		if _, ok := args[code]; !ok {
			t.Errorf("no test variant has problem %s", code)
		}
	}
	for _, sentinel := range []*Error{NewError(Testnet, ErrTimeout, 0, nil), NewError(Testnet, ErrConnection, 0, nil),
		NewError(Testnet, ErrUnreachable, 0, nil), NewError(Testnet, ErrServer, 502, nil), NewError(Testnet, ErrRateLimited, 429, nil),
		NewError(Testnet, ErrAuthExpired, 401, nil), NewError(Testnet, ErrRefused, 422, nil)} {
		codes = append(codes, sentinel.Fault.Code)
		args[sentinel.Fault.Code] = sentinel.Fault.Args
	}
	_, err := DefaultCaps(context.Background(), post.Variant{Network: "myspace"})
	codes = append(codes, fault.As(err).Code)
	args[fault.As(err).Code] = fault.As(err).Args
	left := regexp.MustCompile(`\{[a-z]+\}`)
	for _, code := range codes {
		for _, lang := range locale.Langs {
			msg := locale.Message(lang, code, args[code])
			if !locale.Has(code) || left.MatchString(msg) {
				t.Errorf("%s message of %s with %v = %q", lang, code, args[code], msg)
			}
		}
	}
}

func TestChecker(t *testing.T) {
	ctx := context.Background()
	c := Checker{Caps: DefaultCaps}
	fine := post.Variant{AccountID: "a1", Network: Mastodon, Text: "Bonjour", Media: []post.Media{jpeg("a.jpg", 10, "")}}
	long := post.Variant{AccountID: "a2", Network: Bluesky, Text: strings.Repeat("a", 310)}
	tests := []struct {
		name     string
		variants []post.Variant
		want     string // code, "" for none
		args     map[string]any
	}{
		{"fine, a warning does not block", []post.Variant{fine}, "", nil},
		{"too long on one network", []post.Variant{fine, long}, ProblemTooLong,
			map[string]any{"network": "Bluesky", "used": 310, "limit": 300, "over": 10}},
		{"unknown network", []post.Variant{{AccountID: "a3", Network: "myspace", Text: "a"}}, "network.unknown",
			map[string]any{"network": "myspace"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := c.Check(ctx, post.Post{Variants: tt.variants})
			if tt.want == "" {
				if err != nil {
					t.Errorf("Check() = %v, want nil", err)
				}
				return
			}
			fe := fault.As(err)
			if fe.Code != tt.want || fe.Kind != fault.Invalid || !cmp.Equal(fe.Args, tt.args) {
				t.Errorf("Check() = %s %s %v, want invalid %s %v", fe.Kind, fe.Code, fe.Args, tt.want, tt.args)
			}
		})
	}
}

// Bluesky's client fits a large image under 1,000,000 bytes: it is a
// warning up to FitImages, an error beyond; videos are not taken there.
func TestBlueskyImagesAreFitted(t *testing.T) {
	caps := defaults(t, Bluesky)
	tests := []struct {
		name string
		m    post.Media
		want string
	}{
		{"fits", jpeg("a.jpg", 900_000, "A"), ""},
		{"reduced when published", jpeg("b.jpg", 8_000_000, "B"), ProblemMediaShrunk},
		{"too large even so", jpeg("c.jpg", 60_000_000, "C"), ProblemMediaTooLarge},
		{"video", post.Media{Path: "v.mp4", MIME: "video/mp4", Size: 1000, Alt: "V"}, ProblemMediaType},
	}
	for _, tt := range tests {
		got := ""
		for _, p := range Validate(post.Variant{Text: "a", Media: []post.Media{tt.m}}, caps) {
			got = p.Code
		}
		if got != tt.want {
			t.Errorf("%s: Validate = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A content warning counts with the text; the visibility is one Mastodon
// knows.
func TestMastodonOptions(t *testing.T) {
	caps := defaults(t, Mastodon)
	tests := []struct {
		name string
		v    post.Variant
		want string
	}{
		{"warning and text fit", post.Variant{Text: strings.Repeat("a", 400), ContentWarning: strings.Repeat("b", 100), Visibility: "unlisted"}, ""},
		{"warning and text over", post.Variant{Text: strings.Repeat("a", 450), ContentWarning: strings.Repeat("b", 51)}, ProblemTooLong},
		{"visibility unknown", post.Variant{Text: "a", Visibility: "friends"}, ProblemVisibility},
	}
	for _, tt := range tests {
		got := ""
		for _, p := range Validate(tt.v, caps) {
			got = p.Code
		}
		if got != tt.want {
			t.Errorf("%s: Validate = %q, want %q", tt.name, got, tt.want)
		}
	}
}
