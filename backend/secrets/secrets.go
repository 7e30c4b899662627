// Package secrets keeps tokens, app passwords and the store's key in the OS
// keychain (Keychain on macOS, Credential Manager on Windows, the Secret
// Service on Linux), never in the store, the logs or a file.
package secrets

import (
	"errors"
	"fmt"
	"sync"

	"github.com/zalando/go-keyring"

	"ruche/backend/fault"
	"ruche/backend/sessionbus"
)

// Service is the name Ruche's entries carry in the keychain.
const Service = "Ruche"

// MaxSize is the largest secret accepted: Windows refuses more than 2,560
// bytes, macOS about 4,096.
const MaxSize = 2560

// The errors of a vault.
var (
	ErrNotFound    = errors.New("secret not found")
	ErrUnavailable = errors.New("no keychain available")
	ErrTooLarge    = fault.New(fault.Invalid, "secrets.too_large")
)

// Vault stores secrets by name.
type Vault interface {
	Get(name string) (string, error)
	Set(name, secret string) error
	Delete(name string) error
}

// Keyring is the OS keychain.
type Keyring struct {
	service string
	getenv  func(string) string
}

// NewKeyring returns the OS keychain, entries filed under service; getenv
// tells where the Linux session bus is (os.Getenv).
func NewKeyring(service string, getenv func(string) string) *Keyring {
	return &Keyring{service: service, getenv: getenv}
}

// reachable refuses at once where there is no session bus, rather than let
// the keyring library start a bus daemon that would outlive Ruche.
func (k *Keyring) reachable(op, name string) error {
	if sessionbus.Reachable(k.getenv) {
		return nil
	}
	return fmt.Errorf("keychain %s %q: %w: no D-Bus session bus", op, name, ErrUnavailable)
}

// Get returns the secret called name, ErrNotFound if there is none, and
// ErrUnavailable when the keychain cannot be reached.
func (k *Keyring) Get(name string) (string, error) {
	if err := k.reachable("get", name); err != nil {
		return "", err
	}
	s, err := keyring.Get(k.service, name)
	return s, k.mapErr("get", name, err)
}

// Set stores secret under name, replacing any previous one.
func (k *Keyring) Set(name, secret string) error {
	if len(secret) > MaxSize {
		return ErrTooLarge.Because(fmt.Errorf("secret %q: %d bytes, at most %d", name, len(secret), MaxSize))
	}
	if err := k.reachable("set", name); err != nil {
		return err
	}
	return k.mapErr("set", name, keyring.Set(k.service, name, secret))
}

// Delete removes the secret called name; removing a missing one is not an error.
func (k *Keyring) Delete(name string) error {
	if err := k.reachable("delete", name); err != nil {
		return err
	}
	err := k.mapErr("delete", name, keyring.Delete(k.service, name))
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

func (k *Keyring) mapErr(op, name string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return fmt.Errorf("keychain %s %q: %w", op, name, ErrNotFound)
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return ErrTooLarge.Because(err)
	}
	// Any other failure means the keychain itself cannot be used: no D-Bus
	// session, no Secret Service, a locked collection the user dismissed.
	return fmt.Errorf("keychain %s %q: %w: %v", op, name, ErrUnavailable, err)
}

// Memory is an in-memory vault for tests.
type Memory struct {
	mu          sync.Mutex
	m           map[string]string
	Unavailable bool // when set, every call fails with ErrUnavailable
}

// NewMemory returns an empty in-memory vault.
func NewMemory() *Memory { return &Memory{m: map[string]string{}} }

// Get implements Vault.
func (v *Memory) Get(name string) (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.Unavailable {
		return "", ErrUnavailable
	}
	s, ok := v.m[name]
	if !ok {
		return "", fmt.Errorf("memory %q: %w", name, ErrNotFound)
	}
	return s, nil
}

// Set implements Vault.
func (v *Memory) Set(name, secret string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.Unavailable {
		return ErrUnavailable
	}
	if len(secret) > MaxSize {
		return ErrTooLarge
	}
	v.m[name] = secret
	return nil
}

// Delete implements Vault.
func (v *Memory) Delete(name string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.Unavailable {
		return ErrUnavailable
	}
	delete(v.m, name)
	return nil
}

// Watched wraps a vault so that every secret it reads or writes is first
// shown to seen, which the log redactor uses to learn what never to print.
type Watched struct {
	Vault
	seen func(secret string)
}

// Watch returns v reporting its secrets to seen.
func Watch(v Vault, seen func(secret string)) *Watched { return &Watched{Vault: v, seen: seen} }

// Get implements Vault.
func (w *Watched) Get(name string) (string, error) {
	s, err := w.Vault.Get(name)
	if err == nil {
		w.seen(s)
	}
	return s, err
}

// Set implements Vault.
func (w *Watched) Set(name, secret string) error {
	w.seen(secret)
	return w.Vault.Set(name, secret)
}
