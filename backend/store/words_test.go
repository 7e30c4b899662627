package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestWords(t *testing.T) {
	s := openTest(t, testConfig(t, t.TempDir()))
	ctx := context.Background()
	ws := "ws1"
	if got, err := s.Words(ctx, ws); err != nil || len(got) != 0 || got == nil {
		t.Fatalf("Words() before any = %v, %v; want an empty list", got, err)
	}
	for _, w := range []string{"Fournil", " fournil ", "Léa", "FOURNIL"} {
		if err := s.AddWord(ctx, ws, w); err != nil {
			t.Fatalf("AddWord(%q): %v", w, err)
		}
	}
	if got, _ := s.Words(ctx, ws); !slices.Equal(got, []string{"Fournil", "Léa"}) {
		t.Errorf("Words() = %q, want [Fournil Léa]", got)
	}
	if got, _ := s.Words(ctx, "ws2"); len(got) != 0 {
		t.Errorf("another workspace's Words() = %q, want none", got)
	}
	for _, bad := range []string{"", "  ", "deux mots", strings.Repeat("a", MaxWordLen+1), "a\nb"} {
		if err := s.AddWord(ctx, ws, bad); !errors.Is(err, ErrWordInvalid) {
			t.Errorf("AddWord(%q) = %v, want ErrWordInvalid", bad, err)
		}
	}
	if err := s.AddWord(ctx, "a/b", "x"); err == nil {
		t.Error("AddWord(workspace a/b) succeeded")
	}
	if err := s.RemoveWord(ctx, ws, "léa"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Words(ctx, ws); !slices.Equal(got, []string{"Fournil"}) {
		t.Errorf("Words() after RemoveWord = %q", got)
	}
	if err := s.DeleteWords(ctx, ws); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Words(ctx, ws); len(got) != 0 {
		t.Errorf("Words() after DeleteWords = %q", got)
	}
}
