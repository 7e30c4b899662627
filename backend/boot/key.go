package boot

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"ruche/backend/fault"
	"ruche/backend/secrets"
	"ruche/backend/store"
)

// The errors of finding the store's key.
var (
	ErrKeyMissing          = fault.New(fault.Unavailable, "store.key_missing")
	ErrKeychainUnavailable = fault.New(fault.Unavailable, "store.keychain_unavailable")
	ErrKeyFileMode         = fault.New(fault.Unavailable, "store.key_file_mode")
	ErrKeyFileInvalid      = fault.New(fault.Unavailable, "store.key_file_invalid")
	ErrKeyFileMissing      = fault.New(fault.Unavailable, "store.key_file_missing")
	ErrKeyFileUnreadable   = fault.New(fault.Unavailable, "store.key_file_unreadable")
)

// keyName is the keychain entry of the key of the data folder dir: one per
// folder, so that several data folders (a test one, a client's) coexist.
func keyName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	sum := sha256.Sum256([]byte(abs))
	return "store-key/" + hex.EncodeToString(sum[:8])
}

// storeKey returns the key of the store in p. A new store gets a new key,
// saved where it will be looked for; an existing store's key must be found,
// never replaced: a new key would not open the old data.
func storeKey(p Paths, keyFile string, vault secrets.Vault) ([]byte, error) {
	exists := store.HoldsData(p.Store)
	if keyFile != "" {
		return fileKey(p, keyFile, exists)
	}
	name := keyName(p.Data)
	text, err := vault.Get(name)
	switch {
	case err == nil:
		return parseKey(text)
	case errors.Is(err, secrets.ErrUnavailable):
		return nil, ErrKeychainUnavailable.With(map[string]any{"reason": reason(err)}, err)
	case !errors.Is(err, secrets.ErrNotFound):
		return nil, err
	case exists:
		return nil, ErrKeyMissing.With(map[string]any{"dir": p.Data}, err)
	}
	key := newKey()
	if err := vault.Set(name, hex.EncodeToString(key)); err != nil {
		return nil, ErrKeychainUnavailable.With(map[string]any{"reason": reason(err)}, err)
	}
	return key, nil
}

func fileKey(p Paths, path string, exists bool) ([]byte, error) {
	args := map[string]any{"path": path, "dir": p.Data}
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist) && exists:
		return nil, ErrKeyFileMissing.With(args, err)
	case errors.Is(err, os.ErrNotExist):
		key := newKey()
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err == nil {
			_, err = fmt.Fprintln(f, hex.EncodeToString(key))
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return nil, ErrKeyFileUnreadable.With(map[string]any{"path": path, "reason": err}, err)
		}
		return key, nil
	case err != nil:
		return nil, ErrKeyFileUnreadable.With(map[string]any{"path": path, "reason": err}, err)
	}
	// Windows has no Unix permissions; its ACLs protect the user's folders.
	if mode := fi.Mode().Perm(); runtime.GOOS != "windows" && mode&0o077 != 0 {
		return nil, ErrKeyFileMode.With(map[string]any{"path": path, "mode": fmt.Sprintf("%04o", mode)}, nil)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, ErrKeyFileUnreadable.With(map[string]any{"path": path, "reason": err}, err)
	}
	key, err := parseKey(string(b))
	if err != nil {
		return nil, ErrKeyFileInvalid.With(args, err)
	}
	return key, nil
}

func parseKey(text string) ([]byte, error) {
	key, err := hex.DecodeString(strings.TrimSpace(text))
	if err != nil || len(key) != store.KeySize {
		return nil, fmt.Errorf("key: want %d hexadecimal bytes", store.KeySize)
	}
	return key, nil
}

func newKey() []byte {
	key := make([]byte, store.KeySize)
	if _, err := rand.Read(key); err != nil {
		panic("boot: no randomness: " + err.Error())
	}
	return key
}

// reason is the short cause shown to the user, without our own wrapping.
func reason(err error) string {
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		return s[i+2:]
	}
	return s
}
