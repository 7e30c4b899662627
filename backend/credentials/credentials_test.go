package credentials_test

import (
	"encoding/base64"
	"errors"
	"fmt"
	"testing"
	"time"

	"ruche/backend/credentials"
	"ruche/backend/network/bluesky"
	"ruche/backend/secrets"
)

func jwt(exp int64) string {
	enc := base64.RawURLEncoding.EncodeToString
	return enc([]byte(`{"alg":"ES256K"}`)) + "." + enc([]byte(fmt.Sprintf(`{"exp":%d}`, exp))) + ".sig"
}

func TestSessionKeepsItsRefreshToken(t *testing.T) {
	vault := secrets.NewMemory()
	k := credentials.New(vault)
	first := bluesky.Session{DID: "did:plc:a", Handle: "brand.test", PDS: "http://pds", AccessJWT: "a1", RefreshJWT: jwt(2000000000)}
	if err := k.SetSession("acc", first); err != nil {
		t.Fatal(err)
	}
	// A session saved without its refresh token keeps the stored one.
	if err := k.SetSession("acc", bluesky.Session{DID: "did:plc:a", Handle: "brand.test", PDS: "http://pds", AccessJWT: "a2"}); err != nil {
		t.Fatal(err)
	}
	got, err := k.Session("acc")
	if err != nil {
		t.Fatal(err)
	}
	if got.AccessJWT != "a2" || got.RefreshJWT != first.RefreshJWT {
		t.Errorf("Session = access %q refresh %q, want access a2 and the first refresh token", got.AccessJWT, got.RefreshJWT)
	}
	if want := time.Unix(2000000000, 0).UTC(); !credentials.Expires(got).Equal(want) {
		t.Errorf("Expires() = %v, want %v", credentials.Expires(got), want)
	}
	if err := k.Forget("acc"); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Session("acc"); !errors.Is(err, credentials.ErrNotFound) {
		t.Errorf("Session after Forget: err = %v, want ErrNotFound", err)
	}
}

func TestEntries(t *testing.T) {
	vault := secrets.NewMemory()
	k := credentials.New(vault)
	if err := k.SetToken("m", ""); err == nil {
		t.Error("SetToken(\"\") = nil, want a refusal")
	}
	if err := k.SetToken("m", "tok"); err != nil {
		t.Fatal(err)
	}
	if err := k.SetClient("m", credentials.Client{ID: "cid", Secret: "cs"}); err != nil {
		t.Fatal(err)
	}
	if err := k.SetPassword("b", "xxxx-xxxx"); err != nil {
		t.Fatal(err)
	}
	tok, _ := k.Token("m")
	c, _ := k.Client("m")
	pw, _ := k.Password("b")
	if tok != "tok" || c.Secret != "cs" || pw != "xxxx-xxxx" {
		t.Errorf("got token %q client %+v password %q", tok, c, pw)
	}
	if got, _ := vault.Get(credentials.TokenName("m")); got != "tok" {
		t.Errorf("keychain entry %s = %q, want tok", credentials.TokenName("m"), got)
	}
	for _, id := range []string{"m", "b"} {
		if err := k.Forget(id); err != nil {
			t.Fatal(err)
		}
	}
	for _, get := range []func(string) (string, error){k.Token, k.Password} {
		for _, id := range []string{"m", "b"} {
			if _, err := get(id); !errors.Is(err, credentials.ErrNotFound) {
				t.Errorf("after Forget: err = %v, want ErrNotFound", err)
			}
		}
	}
	if got := credentials.Expires(bluesky.Session{RefreshJWT: "garbage"}); !got.IsZero() {
		t.Errorf("Expires of a garbage token = %v, want zero", got)
	}
}

func TestBlueskySessions(t *testing.T) {
	k := credentials.New(secrets.NewMemory())
	s := k.Bluesky()
	if _, err := s.Load("x"); !errors.Is(err, bluesky.ErrNoSession) {
		t.Errorf("Load of nothing: err = %v, want ErrNoSession", err)
	}
	if _, err := s.AppPassword("x"); !errors.Is(err, bluesky.ErrNoSession) {
		t.Errorf("AppPassword of nothing: err = %v, want ErrNoSession", err)
	}
	want := bluesky.Session{DID: "did:plc:z", Handle: "brand.test", PDS: "http://localhost:1", AccessJWT: "acc", RefreshJWT: "ref"}
	if err := s.Save("x", want); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Load("x"); err != nil || got != want {
		t.Errorf("Load = %v, %v, want %v", got, err, want)
	}
}
