package boot_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/google/go-cmp/cmp"
	"github.com/rs/zerolog"

	"ruche/backend/api"
	"ruche/backend/boot"
	"ruche/backend/credentials"
	"ruche/backend/locale"
	"ruche/backend/logs"
	"ruche/backend/network"
	"ruche/backend/network/bluesky"
	"ruche/backend/network/mastodon/mastodontest"
	"ruche/backend/post"
	"ruche/backend/scheduler"
	"ruche/backend/secrets"
	"ruche/backend/store"
)

// TestNoSecretAtRest lives a short life of a data folder — a Mastodon
// account connected through OAuth with PKCE and a Bluesky account through
// its app password (both through the Accounts facade, one mistyped
// password first), a post published on both by the scheduler with a
// Bluesky session refreshed on the way, then a 401 from the instance on
// every API call — takes backups, closes the app, and looks for every secret
// of that life in every version of every key of the decrypted store, in
// every decrypted backup and in every file of the data folder (the log).
// Then it plants secrets where a leak would put them and checks that the
// same scan finds them: a scan that cannot fail proves nothing.
func TestNoSecretAtRest(t *testing.T) {
	ctx := context.Background()
	t0 := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	clk := &clock{t: t0}
	masto := mastodontest.NewServer(clk.Now)
	mts := httptest.NewServer(masto)
	t.Cleanup(mts.Close)
	masto.Approve("fournil")
	pds := newPDS(t, clk.Now)

	dir := t.TempDir()
	vault := secrets.NewMemory()
	cfg := boot.Config{DataDir: filepath.Join(dir, "data"), KeyFile: filepath.Join(dir, "ruche.key"), Vault: vault,
		Version: "test", Now: clk.Now, System: locale.System{Lang: locale.French, Zone: "Europe/Paris"}, LogLevel: zerolog.TraceLevel,
		Getenv: func(string) string { return "" }}
	app, err := boot.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { app.Close() })
	settings := api.NewSettings(api.Deps{App: app, DataDir: cfg.DataDir, System: cfg.System, Version: cfg.Version,
		Log: logs.For(app.Log.Logger, "api")})
	accounts := api.NewAccounts(settings, nil)
	w, err := app.Workspaces.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}

	// Connect: Mastodon through the browser coming back to the loopback
	// listener; Bluesky with a mistyped app password, then the right one.
	// A failed call is logged by the facade's error formatter, as the
	// window's ErrorFormatter does.
	start, err := accounts.StartMastodon(mts.URL, false)
	if err != nil {
		t.Fatalf("StartMastodon() = %v", err)
	}
	browse(t, start.URL)
	mv, err := accounts.FinishMastodon(start.FlowID, "")
	if err != nil {
		t.Fatalf("FinishMastodon() = %v", err)
	}
	const mistyped = "wrng-pass-x7qk-9zte"
	if _, err := accounts.ConnectBluesky(pds.handle, mistyped, pds.srv.URL); !errors.Is(err, bluesky.ErrWrongPassword) {
		t.Fatalf("ConnectBluesky(a wrong app password) = %v, want ErrWrongPassword", err)
	} else {
		api.FormatError(settings, err)
	}
	bv, err := accounts.ConnectBluesky(pds.handle, pds.password, pds.srv.URL)
	if err != nil {
		t.Fatalf("ConnectBluesky() = %v", err)
	}

	// Publish on both, past the Bluesky access token's minute: the
	// scheduler refreshes the session first.
	p1 := schedule(t, app, w.ID, t0.Add(time.Minute), "Fournée du jeudi",
		post.Variant{AccountID: mv.ID, Network: network.Mastodon}, post.Variant{AccountID: bv.ID, Network: network.Bluesky})
	clk.Set(t0.Add(2 * time.Minute))
	runScheduler(t, app, func() bool { return status(t, app, p1.ID) == post.Published })
	if got := status(t, app, p1.ID); got != post.Published {
		t.Fatalf("post 1 is %s, want published on both networks", got)
	}
	if got := pds.refreshes(); got == 0 {
		t.Errorf("the Bluesky session was refreshed %d times, want at least once", got)
	}
	if _, err := app.Store.AutoBackup(ctx, "scan"); err != nil {
		t.Fatal(err)
	}

	// Then the instance refuses the token: a post published now fails,
	// one handed over for later cannot be, the counters cannot be read.
	masto.Inject(mastodontest.Fault{Path: "/api/v1/*", Status: http.StatusUnauthorized, Error: "The access token is invalid", Times: 1 << 20})
	if _, err := accounts.SetNativeScheduling(mv.ID, true); err != nil {
		t.Fatal(err)
	}
	now := clk.Now()
	p2 := schedule(t, app, w.ID, now.Add(time.Minute), "Pain au levain", post.Variant{AccountID: mv.ID, Network: network.Mastodon})
	schedule(t, app, w.ID, now.Add(3*time.Hour), "Brioche du dimanche", post.Variant{AccountID: mv.ID, Network: network.Mastodon})
	clk.Set(now.Add(2 * time.Minute))
	runScheduler(t, app, func() bool { return status(t, app, p2.ID) == post.Failed })
	if got := status(t, app, p2.ID); got != post.Failed {
		t.Errorf("post 2 is %s after 401s, want failed", got)
	}
	if _, err := app.Store.BackupFile(ctx, filepath.Join(app.Paths.Backups, "manual"+store.BackupExt)); err != nil {
		t.Fatal(err)
	}

	// The secrets of that life: what the keychain holds, and what only
	// crossed the wire (the code, the PKCE verifier, every JWT issued).
	keys := credentials.New(vault)
	token, err := keys.Token(mv.ID)
	if err != nil {
		t.Fatal(err)
	}
	client, err := keys.Client(mv.ID)
	if err != nil {
		t.Fatal(err)
	}
	exchanges := masto.RequestsTo(http.MethodPost, "/oauth/token")
	if len(exchanges) != 1 {
		t.Fatalf("%d token requests, want 1", len(exchanges))
	}
	form := exchanges[0].Form()
	keyHex := strings.TrimSpace(string(mustRead(t, cfg.KeyFile)))
	key, err := hex.DecodeString(keyHex)
	if err != nil || len(key) != store.KeySize {
		t.Fatalf("key file holds %q (%v), want %d hexadecimal bytes", keyHex, err, store.KeySize)
	}
	secretsOf := []secret{
		{"store key (hex)", keyHex},
		{"store key (HEX)", strings.ToUpper(keyHex)},
		{"store key (bytes)", string(key)},
		{"Mastodon client secret", client.Secret},
		{"Mastodon access token", token},
		{"Mastodon authorization code", form.Get("code")},
		{"Mastodon PKCE code verifier", form.Get("code_verifier")},
		{"Bluesky app password", pds.password},
		{"Bluesky app password mistyped", mistyped},
	}
	for i, tok := range pds.issued() {
		secretsOf = append(secretsOf, secret{fmt.Sprintf("Bluesky %s #%d", tok.kind, i/2+1), tok.value})
	}
	sess, err := keys.Session(bv.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secretsOf {
		if len(s.value) < 16 {
			t.Fatalf("the %s is %q: too short to look for", s.name, s.value)
		}
	}
	if issued := pds.issued(); len(issued) < 4 || !slices.ContainsFunc(issued, func(j jwt) bool { return j.value == sess.RefreshJWT }) {
		t.Fatalf("the keychain's Bluesky session is not one the server issued (%d tokens issued)", len(issued))
	}

	rest, versions := atRest(t, app, key, filepath.Join(dir, "running"))
	if versions < 2 {
		t.Errorf("the running store's copy holds at most %d version of a key, want older versions too", versions)
	}
	needles := spell(secretsOf)
	for _, f := range scan(rest, needles) {
		t.Errorf("%s", f)
	}
	// The scan read plain text: the posts, the handles and the log are
	// there to be found.
	for _, want := range []struct{ where, text string }{
		{"store", "Fournée du jeudi"},
		{"store", pds.handle},
		{"backup " + filepath.Join(app.Paths.Backups, "manual"+store.BackupExt), "Pain au levain"},
		{"file " + filepath.Join(app.Paths.Logs, logs.FileName), `"message":"published"`},
		{"file " + filepath.Join(app.Paths.Logs, logs.FileName), `"message":"call failed"`},
	} {
		if !slices.ContainsFunc(rest, func(b blob) bool {
			return strings.HasPrefix(b.where, want.where) && bytes.Contains(b.data, []byte(want.text))
		}) {
			t.Errorf("no %s… holds %q: the scan did not read what it scans", want.where, want.text)
		}
	}
	t.Logf("scanned %s for %d secrets in %d spellings", describe(rest), len(secretsOf), len(needles))

	t.Run("planted secrets are found", func(t *testing.T) {
		app, err := boot.Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer app.Close()
		// In the store and a backup: a post holding a refresh token, and
		// the verifier in base64 at an odd offset of a longer blob.
		b64 := base64.StdEncoding.EncodeToString(append([]byte("x"), form.Get("code_verifier")...))
		schedule(t, app, w.ID, clk.Now().Add(24*time.Hour), "Leak "+sess.RefreshJWT+" "+b64,
			post.Variant{AccountID: mv.ID, Network: network.Mastodon})
		if _, err := app.Store.BackupFile(ctx, filepath.Join(app.Paths.Backups, "planted"+store.BackupExt)); err != nil {
			t.Fatal(err)
		}
		// Only in an older version: a draft holding an app password,
		// deleted after the backup.
		draft, err := app.Posts.Create(ctx, w.ID, post.Input{Variants: []post.Variant{{AccountID: mv.ID, Network: network.Mastodon,
			Text: "Mot de passe : " + pds.password}}})
		if err == nil {
			err = app.Posts.Delete(ctx, draft.ID)
		}
		if err != nil {
			t.Fatal(err)
		}
		// In the log: a line written around the redactor.
		f, err := os.OpenFile(filepath.Join(app.Paths.Logs, logs.FileName), os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		raw := zerolog.New(f)
		raw.Error().Str("header", "Bearer "+token).Msg("planted without the redactor")
		f.Close()
		rest, _ := atRest(t, app, key, filepath.Join(dir, "running-planted"))
		got := map[string]bool{}
		for _, f := range scan(rest, needles) {
			got[f.place()+": "+f.secret+" ("+f.form+")"] = true
		}
		planted := filepath.Join(app.Paths.Backups, "planted"+store.BackupExt)
		refresh := secretName(secretsOf, sess.RefreshJWT)
		want := map[string]bool{
			"store: " + refresh + " (as is)":                                                           true,
			"store: Mastodon PKCE code verifier (base64 std, offset 1)":                                true,
			"store: Bluesky app password (as is)":                                                      true,
			"backup " + planted + ": " + refresh + " (as is)":                                          true,
			"backup " + planted + ": Mastodon PKCE code verifier (base64 std, offset 1)":               true,
			"file " + filepath.Join(app.Paths.Logs, logs.FileName) + ": Mastodon access token (as is)": true,
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("scan of planted secrets (-want +got):\n%s", diff)
		}
	})
}

// clock is a settable clock shared by Ruche and the fake servers.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// browse is the user's browser following the authorization address.
func browse(t *testing.T, url string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("browser: %v", err)
	}
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
}

func schedule(t *testing.T, app *boot.App, ws string, at time.Time, text string, variants ...post.Variant) post.Post {
	t.Helper()
	for i := range variants {
		variants[i].Text = text
	}
	ctx := context.Background()
	p, err := app.Posts.Create(ctx, ws, post.Input{Variants: variants})
	if err == nil {
		p, err = app.Posts.Schedule(ctx, p.ID, at)
	}
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func status(t *testing.T, app *boot.App, id string) post.Status {
	t.Helper()
	p, err := app.Store.Post(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Status
}

// runScheduler runs the publishing loop until done, 10 s at most.
func runScheduler(t *testing.T, app *boot.App, done func() bool) {
	t.Helper()
	sched := app.Scheduler(nil, scheduler.Config{Poll: 20 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() { stopped <- sched.Run(ctx) }()
	deadline := time.Now().Add(10 * time.Second)
	for !done() && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-stopped; err != nil && !errors.Is(err, context.Canceled) {
		t.Fatal(err)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A secret is a value that must never be at rest outside the keychain.
type secret struct{ name, value string }

func secretName(all []secret, value string) string {
	for _, s := range all {
		if s.value == value {
			return s.name
		}
	}
	return "?"
}

// A needle is one spelling of a secret.
type needle struct {
	secret, form string
	b            []byte
}

// spell returns the ways each secret could be written down: as is,
// JSON-escaped, URL-escaped, and in base64 (standard and URL alphabets,
// padded or not) at each of the three offsets it may have inside a longer
// encoded value — a []byte field, a blob.
func spell(all []secret) []needle {
	var out []needle
	for _, s := range all {
		v := []byte(s.value)
		seen := map[string]bool{}
		add := func(form string, b []byte) {
			if len(b) > 0 && !seen[string(b)] {
				seen[string(b)] = true
				out = append(out, needle{s.name, form, b})
			}
		}
		add("as is", v)
		q, _ := json.Marshal(s.value)
		add("JSON-escaped", q[1:len(q)-1])
		add("URL-escaped", []byte(url.QueryEscape(s.value)))
		for _, enc := range []struct {
			name string
			e    *base64.Encoding
		}{{"std", base64.RawStdEncoding}, {"url", base64.RawURLEncoding}} {
			for k := range 3 {
				full := enc.e.EncodeToString(append(make([]byte, k), v...))
				// Only the characters whose six bits all come from the
				// secret: those before and after depend on its neighbours.
				first, end := (8*k+5)/6, 8*(k+len(v))/6
				add(fmt.Sprintf("base64 %s, offset %d", enc.name, k), []byte(full[first:end]))
			}
		}
	}
	return out
}

// A blob is something at rest, decrypted: a value of the store, a backup's
// stream, a file.
type blob struct {
	where string // "store [running] key …", "backup PATH", "file PATH"
	data  []byte
}

// A finding is a secret found at rest.
type finding struct {
	where, secret, form string
	at                  int
	around              []byte
}

// place is where, the store's copies, keys and versions aside.
func (f finding) place() string {
	if strings.HasPrefix(f.where, "store ") {
		return "store"
	}
	return f.where
}

func (f finding) String() string {
	return fmt.Sprintf("%s holds the %s (%s) at byte %d: …%q…", f.where, f.secret, f.form, f.at, f.around)
}

// scan returns every spelling of a secret in blobs.
func scan(blobs []blob, needles []needle) []finding {
	var out []finding
	for _, b := range blobs {
		for _, n := range needles {
			if i := bytes.Index(b.data, n.b); i >= 0 {
				from, to := max(0, i-40), min(len(b.data), i+len(n.b)+40)
				out = append(out, finding{b.where, n.secret, n.form, i, b.data[from:to]})
			}
		}
	}
	return out
}

func describe(blobs []blob) string {
	n := map[string]int{}
	size := map[string]int{}
	for _, b := range blobs {
		kind, _, _ := strings.Cut(b.where, " ")
		n[kind]++
		size[kind] += len(b.data)
	}
	return fmt.Sprintf("%d store keys and values, all versions, running and closed (%d bytes), %d backups (%d bytes), %d files (%d bytes)",
		n["store"], size["store"], n["backup"], size["backup"], n["file"], size["file"])
}

// atRest closes app and returns what its data folder holds, decrypted:
// every backup, every version of every key of the store — as the app left
// it, and as it was on disk while the app ran (a copy taken in snapshot
// just before closing, before Badger compacts old versions away) — and
// every file as it is. versions is the most versions of one key seen.
func atRest(t *testing.T, app *boot.App, key []byte, snapshot string) (rest []blob, versions int) {
	t.Helper()
	backups := readBackups(t, app.Store, app.Paths.Backups)
	copyStore(t, app.Paths.Store, snapshot)
	if err := app.Close(); err != nil {
		t.Fatalf("Close() = %v", err)
	}
	running, versions := readStore(t, snapshot, key, "store running", false)
	closed, _ := readStore(t, app.Paths.Store, key, "store", true)
	return slices.Concat(backups, running, closed, readFiles(t, app.Paths.Data)), versions
}

// copyStore copies the Badger folder src, its lock aside, to dst as a
// crash would leave it; the value log's preallocated zeros stay holes.
func copyStore(t *testing.T, src, dst string) {
	t.Helper()
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dst, 0o700); err != nil {
		t.Fatal(err)
	}
	zero := make([]byte, 64<<10)
	for _, e := range entries {
		if e.IsDir() || e.Name() == "LOCK" {
			continue
		}
		in, err := os.Open(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out, err := os.Create(filepath.Join(dst, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var size int64
		buf := make([]byte, len(zero))
		for {
			n, rerr := io.ReadFull(in, buf)
			if n > 0 && !bytes.Equal(buf[:n], zero[:n]) {
				if _, err := out.WriteAt(buf[:n], size); err != nil {
					t.Fatal(err)
				}
			}
			size += int64(n)
			if rerr != nil {
				break
			}
		}
		if err := out.Truncate(size); err != nil {
			t.Fatal(err)
		}
		in.Close()
		if err := out.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// readStore opens the Badger folder dir with key (a copy may need its log
// replayed: not read-only) and returns every key and every value of every
// version Badger holds, deleted and expired ones included, each named
// label and its key; versions is the most versions of one key.
func readStore(t *testing.T, dir string, key []byte, label string, readOnly bool) (out []blob, versions int) {
	t.Helper()
	db, err := badger.Open(badger.DefaultOptions(dir).WithEncryptionKey(key).WithIndexCacheSize(4 << 20).
		WithReadOnly(readOnly).WithLogger(nil))
	if err != nil {
		t.Fatalf("open the store %s: %v", dir, err)
	}
	defer db.Close()
	count := map[string]int{}
	err = db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{AllVersions: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			k := item.KeyCopy(nil)
			v, err := item.ValueCopy(nil)
			if err != nil {
				return fmt.Errorf("value of %q version %d: %w", k, item.Version(), err)
			}
			where := fmt.Sprintf("%s key %q version %d", label, k, item.Version())
			if item.IsDeletedOrExpired() {
				where += " (deleted)"
			}
			out = append(out, blob{where + " (key)", k}, blob{where, v})
			count[string(k)]++
			versions = max(versions, count[string(k)])
		}
		return nil
	})
	if err != nil {
		t.Fatalf("read the store %s: %v", dir, err)
	}
	if len(out) == 0 {
		t.Fatalf("the store %s holds nothing", dir)
	}
	return out, versions
}

// readBackups decrypts every backup in dir with the open store's key.
func readBackups(t *testing.T, st *store.Store, dir string) []blob {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*"+store.BackupExt))
	if err != nil || len(paths) == 0 {
		t.Fatalf("backups in %s: %v, %v; want some", dir, paths, err)
	}
	var out []blob
	for _, p := range paths {
		var data []byte
		err := st.ReadBackupStream(p, func(r io.Reader) (err error) {
			data, err = io.ReadAll(r)
			return err
		})
		if err != nil {
			t.Fatalf("decrypt backup %s: %v", p, err)
		}
		out = append(out, blob{"backup " + p, data})
	}
	return out
}

// readFiles returns every file under dir as it is on disk: the log, the
// lock, the store's own files (encrypted: only the key could show there).
func readFiles(t *testing.T, dir string) []blob {
	t.Helper()
	var out []blob
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out = append(out, blob{"file " + path, b})
		return nil
	})
	if err != nil {
		t.Fatalf("read %s: %v", dir, err)
	}
	return out
}

// pds is a Bluesky server (PDS) for one account, did:web on 127.0.0.1:
// enough of XRPC to connect (resolveHandle, the DID document,
// createSession, getProfile), refresh a session (single-use refresh
// tokens) and publish (createRecord, getRecord). Access tokens live a
// minute of the shared clock. Other methods answer 501.
type pds struct {
	now      func() time.Time
	srv      *httptest.Server
	did      string
	handle   string
	password string

	mu      sync.Mutex
	access  map[string]time.Time // valid access tokens and their expiry
	refresh map[string]bool
	tokens  []jwt // every token issued, in order
	records map[string]bool
	renewed int
}

type jwt struct{ kind, value string }

func newPDS(t *testing.T, now func() time.Time) *pds {
	p := &pds{now: now, handle: "atelier.test", password: "k7qz-m2wx-p9vr-t4hn",
		access: map[string]time.Time{}, refresh: map[string]bool{}, records: map[string]bool{}}
	m := http.NewServeMux()
	m.HandleFunc("GET /.well-known/did.json", p.didDoc)
	m.HandleFunc("GET /xrpc/com.atproto.identity.resolveHandle", p.resolveHandle)
	m.HandleFunc("POST /xrpc/com.atproto.server.createSession", p.createSession)
	m.HandleFunc("POST /xrpc/com.atproto.server.refreshSession", p.refreshSession)
	m.HandleFunc("GET /xrpc/app.bsky.actor.getProfile", p.getProfile)
	m.HandleFunc("POST /xrpc/com.atproto.repo.createRecord", p.createRecord)
	m.HandleFunc("GET /xrpc/com.atproto.repo.getRecord", p.getRecord)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		xrpcAnswer(w, http.StatusNotImplemented, map[string]string{"error": "MethodNotImplemented", "message": "not in this fake"})
	})
	p.srv = httptest.NewServer(m)
	t.Cleanup(p.srv.Close)
	p.did = "did:web:" + strings.ReplaceAll(p.srv.Listener.Addr().String(), ":", "%3A")
	return p
}

func (p *pds) issued() []jwt {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.tokens)
}

func (p *pds) refreshes() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.renewed
}

func xrpcAnswer(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func (p *pds) didDoc(w http.ResponseWriter, r *http.Request) {
	xrpcAnswer(w, http.StatusOK, map[string]any{"id": p.did, "alsoKnownAs": []string{"at://" + p.handle},
		"service": []map[string]string{{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": p.srv.URL}}})
}

func (p *pds) resolveHandle(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("handle") != p.handle {
		xrpcAnswer(w, http.StatusBadRequest, map[string]string{"error": "HandleNotFound", "message": "Unable to resolve handle"})
		return
	}
	xrpcAnswer(w, http.StatusOK, map[string]string{"did": p.did})
}

// issueLocked makes a new pair of tokens; p.mu is held.
func (p *pds) issueLocked() map[string]string {
	now := p.now()
	access := p.jwtLocked("com.atproto.access", now, now.Add(time.Minute))
	refresh := p.jwtLocked("com.atproto.refresh", now, now.AddDate(0, 0, 60))
	p.access[access] = now.Add(time.Minute)
	p.refresh[refresh] = true
	p.tokens = append(p.tokens, jwt{"accessJwt", access}, jwt{"refreshJwt", refresh})
	return map[string]string{"accessJwt": access, "refreshJwt": refresh, "handle": p.handle, "did": p.did}
}

func (p *pds) jwtLocked(scope string, iat, exp time.Time) string {
	enc := base64.RawURLEncoding
	nonce := make([]byte, 16)
	rand.Read(nonce)
	sig := make([]byte, 64)
	rand.Read(sig)
	head := enc.EncodeToString([]byte(`{"typ":"at+jwt","alg":"ES256K"}`))
	body := enc.EncodeToString(fmt.Appendf(nil, `{"scope":%q,"sub":%q,"iat":%d,"exp":%d,"jti":"%x"}`,
		scope, p.did, iat.Unix(), exp.Unix(), nonce))
	return head + "." + body + "." + enc.EncodeToString(sig)
}

func (p *pds) createSession(w http.ResponseWriter, r *http.Request) {
	var in struct{ Identifier, Password string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		xrpcAnswer(w, http.StatusBadRequest, map[string]string{"error": "InvalidRequest", "message": err.Error()})
		return
	}
	if (in.Identifier != p.did && in.Identifier != p.handle) || in.Password != p.password {
		xrpcAnswer(w, http.StatusUnauthorized, map[string]string{"error": "AuthenticationRequired", "message": "Invalid identifier or password"})
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	xrpcAnswer(w, http.StatusOK, p.issueLocked())
}

func bearer(r *http.Request) string {
	v, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return v
}

func (p *pds) refreshSession(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	tok := bearer(r)
	if !p.refresh[tok] {
		xrpcAnswer(w, http.StatusBadRequest, map[string]string{"error": "ExpiredToken", "message": "Token has been revoked"})
		return
	}
	delete(p.refresh, tok) // single-use
	p.renewed++
	xrpcAnswer(w, http.StatusOK, p.issueLocked())
}

// authed reports whether r carries a valid access token, else answers.
func (p *pds) authed(w http.ResponseWriter, r *http.Request) bool {
	p.mu.Lock()
	exp, ok := p.access[bearer(r)]
	p.mu.Unlock()
	switch {
	case !ok:
		xrpcAnswer(w, http.StatusUnauthorized, map[string]string{"error": "AuthenticationRequired", "message": "Invalid token"})
	case !p.now().Before(exp):
		xrpcAnswer(w, http.StatusBadRequest, map[string]string{"error": "ExpiredToken", "message": "Token has expired"})
	}
	return ok && p.now().Before(exp)
}

func (p *pds) getProfile(w http.ResponseWriter, r *http.Request) {
	if !p.authed(w, r) {
		return
	}
	p.mu.Lock()
	posts := len(p.records)
	p.mu.Unlock()
	xrpcAnswer(w, http.StatusOK, map[string]any{"did": p.did, "handle": p.handle, "displayName": "L'Atelier",
		"followersCount": 12, "followsCount": 3, "postsCount": posts})
}

func (p *pds) createRecord(w http.ResponseWriter, r *http.Request) {
	if !p.authed(w, r) {
		return
	}
	var in struct{ Repo, Collection, Rkey string }
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Repo != p.did {
		xrpcAnswer(w, http.StatusBadRequest, map[string]string{"error": "InvalidRequest", "message": "bad record"})
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.records[in.Rkey] {
		xrpcAnswer(w, http.StatusInternalServerError, map[string]string{"error": "InternalServerError", "message": "Internal Server Error"})
		return
	}
	p.records[in.Rkey] = true
	xrpcAnswer(w, http.StatusOK, map[string]string{"uri": "at://" + p.did + "/" + in.Collection + "/" + in.Rkey, "cid": "bafyreiscan" + strings.ToLower(in.Rkey)})
}

func (p *pds) getRecord(w http.ResponseWriter, r *http.Request) {
	if !p.authed(w, r) {
		return
	}
	q := r.URL.Query()
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.records[q.Get("rkey")] {
		xrpcAnswer(w, http.StatusBadRequest, map[string]string{"error": "RecordNotFound", "message": "Could not locate record"})
		return
	}
	xrpcAnswer(w, http.StatusOK, map[string]any{"uri": "at://" + p.did + "/" + q.Get("collection") + "/" + q.Get("rkey"),
		"cid": "bafyreiscan" + strings.ToLower(q.Get("rkey")), "value": map[string]string{"$type": "app.bsky.feed.post"}})
}
