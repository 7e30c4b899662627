package store

import (
	"context"
	"reflect"
	"testing"

	"ruche/backend/text"
)

func TestVoicePerWorkspace(t *testing.T) {
	s := openTest(t, testConfig(t, t.TempDir()))
	ctx := context.Background()
	if got, err := s.Voice(ctx, "ws1"); err != nil || !reflect.DeepEqual(got, text.Voice{}) {
		t.Fatalf("Voice() before any = %+v, %v; want no rule", got, err)
	}
	two := 2
	v := text.Voice{Forbidden: []text.VoiceWord{{Word: "client", Use: "ami"}}, Signature: "— Léa", Hashtags: []string{"#Fournil"},
		Address: "vous", MaxExclamations: &two, NoAllCaps: true, MinReadingEase: 40}
	if err := s.SaveVoice(ctx, "ws1", v); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Voice(ctx, "ws1"); !reflect.DeepEqual(got, v) {
		t.Errorf("Voice() = %+v, want %+v", got, v)
	}
	if got, _ := s.Voice(ctx, "ws2"); !reflect.DeepEqual(got, text.Voice{}) {
		t.Errorf("another workspace's Voice() = %+v, want none", got)
	}
	if err := s.SaveVoice(ctx, "a/b", v); err == nil {
		t.Error("SaveVoice(workspace a/b) succeeded")
	}
	if err := s.DeleteVoice(ctx, "ws1"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Voice(ctx, "ws1"); !reflect.DeepEqual(got, text.Voice{}) {
		t.Errorf("Voice() after DeleteVoice = %+v, want none", got)
	}
}
