//go:build bluesky

// Package bluesky runs Ruche against a real local Bluesky network (PLC, PDS
// and AppView from tests/peers/bluesky), started by scripts/test.sh's
// bluesky step, which exports its addresses and the seeded accounts:
//
//	BLUESKY_PDS_URL BLUESKY_PLC_URL BLUESKY_BRAND_HANDLE BLUESKY_BRAND_APP_PASSWORD
//
// The crash test runs the built binary and keeps the account's access in
// the real keychain, so the step runs inside dbus-run-session with an
// unlocked gnome-keyring-daemon.
package bluesky

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"ruche/backend/boot"
	"ruche/backend/locale"
	"ruche/backend/post"
	"ruche/backend/secrets"
)

// network is the local Bluesky network under test.
type network struct {
	PDS, PLC, Handle, AppPassword string
}

func localNetwork(t *testing.T) network {
	t.Helper()
	n := network{PDS: os.Getenv("BLUESKY_PDS_URL"), PLC: os.Getenv("BLUESKY_PLC_URL"),
		Handle: os.Getenv("BLUESKY_BRAND_HANDLE"), AppPassword: os.Getenv("BLUESKY_BRAND_APP_PASSWORD")}
	if n.PDS == "" || n.PLC == "" || n.Handle == "" || n.AppPassword == "" {
		t.Fatal("no local Bluesky network: run these tests through `bash scripts/test.sh bluesky`")
	}
	return n
}

// open opens a data folder whose Bluesky client resolves DIDs with the
// local PLC.
func open(t *testing.T, n network, data, keyFile string, vault secrets.Vault, now func() time.Time) *boot.App {
	t.Helper()
	a, err := boot.Open(context.Background(), boot.Config{DataDir: data, KeyFile: keyFile, Vault: vault, Now: now,
		System: locale.System{Lang: locale.English, Zone: "UTC"},
		Getenv: func(k string) string {
			if k == "RUCHE_BLUESKY_PLC" {
				return n.PLC
			}
			return os.Getenv(k)
		}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// seed connects the brand account and schedules count posts at at, each
// text carrying the run's mark so that this run's records can be told
// apart. It returns the account and the posts' identifiers.
func seed(t *testing.T, a *boot.App, n network, mark string, count int, at time.Time) (string, []string) {
	t.Helper()
	ctx := context.Background()
	w, err := a.Workspaces.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	acc, err := a.Connect.ConnectBluesky(ctx, w.ID, n.Handle, n.AppPassword, n.PDS)
	if err != nil {
		t.Fatalf("connect %s: %v", n.Handle, err)
	}
	ids := make([]string, 0, count)
	for i := range count {
		p, err := a.Posts.Create(ctx, w.ID, post.Input{Variants: []post.Variant{{AccountID: acc.ID, Network: "bluesky",
			Text: fmt.Sprintf("%s n°%d — essai de Ruche #ruche", mark, i)}}})
		if err == nil {
			p, err = a.Posts.Schedule(ctx, p.ID, at)
		}
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	return acc.ID, ids
}

// records returns, for each text of the brand's posts that starts with
// mark, how many records hold it on the PDS (com.atproto.repo.listRecords,
// read without authentication, as anyone can).
func records(t *testing.T, n network, did, mark string) map[string]int {
	t.Helper()
	texts := map[string]int{}
	cursor := ""
	for {
		q := url.Values{"repo": {did}, "collection": {"app.bsky.feed.post"}, "limit": {"100"}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		resp, err := http.Get(n.PDS + "/xrpc/com.atproto.repo.listRecords?" + q.Encode())
		if err != nil {
			t.Fatal(err)
		}
		var page struct {
			Cursor  string `json:"cursor"`
			Records []struct {
				Value struct {
					Text string `json:"text"`
				} `json:"value"`
			} `json:"records"`
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("listRecords: status %d, %v", resp.StatusCode, err)
		}
		for _, r := range page.Records {
			if strings.HasPrefix(r.Value.Text, mark) {
				texts[r.Value.Text]++
			}
		}
		if page.Cursor == "" || len(page.Records) == 0 {
			return texts
		}
		cursor = page.Cursor
	}
}

// did returns the DID of the brand account, as the PDS resolves it.
func did(t *testing.T, n network) string {
	t.Helper()
	resp, err := http.Get(n.PDS + "/xrpc/com.atproto.identity.resolveHandle?handle=" + url.QueryEscape(n.Handle))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		DID string `json:"did"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || out.DID == "" {
		t.Fatalf("resolveHandle %s: %v", n.Handle, err)
	}
	return out.DID
}
