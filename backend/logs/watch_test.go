package logs_test

import (
	"bytes"
	"strings"
	"testing"

	"ruche/backend/credentials"
	"ruche/backend/logs"
	"ruche/backend/network/bluesky"
	"ruche/backend/secrets"
)

// TestVaultTokensNeverReachTheLog wires the redactor to the vault as the
// app does (secrets.Watch → Redactor.Remember) and keeps credentials the
// way package credentials does: each token, stored alone or inside a JSON
// entry, is then redacted wherever it shows up bare in a line.
func TestVaultTokensNeverReachTheLog(t *testing.T) {
	const (
		access  = "opaque-access-token-0201" // not JWT-shaped: only Remember can catch it
		refresh = "opaque-refresh-token-0202"
		secret  = "client-secret-0203"
		token   = "mastodon-token-0204"
	)
	var buf bytes.Buffer
	r := logs.NewRedactor(&buf)
	keys := credentials.New(secrets.Watch(secrets.NewMemory(), r.Remember))
	sess := bluesky.Session{DID: "did:plc:brand0001", Handle: "brand.bsky.social", PDS: "https://bsky.social", AccessJWT: access, RefreshJWT: refresh}
	if err := keys.SetSession("acc-1", sess); err != nil {
		t.Fatal(err)
	}
	if err := keys.SetClient("acc-2", credentials.Client{ID: "client-id-0205", Secret: secret}); err != nil {
		t.Fatal(err)
	}
	if err := keys.SetToken("acc-2", token); err != nil {
		t.Fatal(err)
	}

	log := logs.For(logs.New(r), "test")
	for _, s := range []string{access, refresh, secret, token} {
		log.Warn().Str("note", "server said: invalid "+s+" (retry)").Msg("request with " + s)
	}
	log.Info().Str("did", sess.DID).Str("handle", sess.Handle).Str("pds", sess.PDS).Msg("account")
	text := buf.String()
	for _, s := range []string{access, refresh, secret, token} {
		if strings.Contains(text, s) {
			t.Errorf("the log holds %q:\n%s", s, text)
		}
	}
	for _, k := range []string{"server said: invalid", `"did":"did:plc:brand0001"`, `"handle":"brand.bsky.social"`, `"pds":"https://bsky.social"`} {
		if !strings.Contains(text, k) {
			t.Errorf("the log lost %q:\n%s", k, text)
		}
	}
}
