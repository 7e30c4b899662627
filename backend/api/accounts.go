package api

import (
	"context"
	"time"

	"ruche/backend/account"
	"ruche/backend/connect"
	"ruche/backend/network"
)

// Browser opens an address in the user's web browser.
type Browser interface {
	OpenURL(url string)
}

// Accounts is the facade of the Accounts screen: connect, reconnect,
// disconnect and remove the current workspace's accounts. Passwords and
// tokens go from here to the keychain; none comes back.
type Accounts struct {
	s       *Settings
	browser Browser
}

// NewAccounts returns the facade; browser opens the authorization pages.
func NewAccounts(s *Settings, browser Browser) *Accounts { return &Accounts{s: s, browser: browser} }

// AccountView is an account as the Accounts screen shows it.
type AccountView struct {
	Account
	Server    string `json:"server"`
	AvatarURL string `json:"avatarUrl"` // from the network: shown only through the image proxy of the window's CSP
	// Health: "connected", "expiring" (its access ends within a week),
	// "keychain_locked", "reconnect_needed", "disconnected", "demo".
	Health           string `json:"health"`
	ExpiresAt        string `json:"expiresAt"` // RFC 3339; "" when its access does not end
	NativeScheduling bool   `json:"nativeScheduling"`
	CreatedAt        string `json:"createdAt"`
}

func (a *Accounts) view(sc scope, acc account.Account) AccountView {
	health, exp := sc.app.Health(acc)
	return AccountView{Account: accountDTO(sc, acc), Server: acc.Server, AvatarURL: acc.AvatarURL,
		Health: string(health), ExpiresAt: rfc3339(exp),
		NativeScheduling: acc.NativeScheduling, CreatedAt: rfc3339(acc.CreatedAt)}
}

// List returns the accounts of the current workspace, oldest first.
func (a *Accounts) List() ([]AccountView, error) {
	sc, err := a.s.current()
	if err != nil {
		return nil, err
	}
	all, err := sc.app.Accounts.List(sc.ctx, sc.ws.ID)
	if err != nil {
		return nil, err
	}
	out := make([]AccountView, len(all))
	for i, acc := range all {
		out[i] = a.view(sc, acc)
	}
	return out, nil
}

// ConnectBluesky connects (or reconnects) a Bluesky account of the current
// workspace with an app password; service is its server, "" to find it
// from the handle.
func (a *Accounts) ConnectBluesky(handle, appPassword, service string) (AccountView, error) {
	return a.connected(func(sc scope) (account.Account, error) {
		ctx, cancel := context.WithTimeout(sc.ctx, time.Minute)
		defer cancel()
		return sc.app.Connect.ConnectBluesky(ctx, sc.ws.ID, handle, appPassword, service)
	})
}

// StartMastodon prepares the authorization of Ruche on a Mastodon instance
// and opens its page in the browser. With pasteCode the instance shows a
// code to paste into FinishMastodon; otherwise the browser comes back by
// itself and FinishMastodon(flowId, "") waits for it.
func (a *Accounts) StartMastodon(instance string, pasteCode bool) (connect.MastodonStart, error) {
	sc, err := a.s.current()
	if err != nil {
		return connect.MastodonStart{}, err
	}
	ctx, cancel := context.WithTimeout(sc.ctx, time.Minute)
	defer cancel()
	start, err := sc.app.Connect.StartMastodon(ctx, sc.ws.ID, instance, pasteCode)
	if err != nil {
		return connect.MastodonStart{}, err
	}
	if a.browser != nil {
		a.browser.OpenURL(start.URL)
	}
	return start, nil
}

// FinishMastodon completes authorization flowID with the pasted code, or
// waits for the browser to come back when code is "".
func (a *Accounts) FinishMastodon(flowID, code string) (AccountView, error) {
	return a.connected(func(sc scope) (account.Account, error) {
		ctx, cancel := context.WithTimeout(sc.ctx, connect.FlowTTL)
		defer cancel()
		return sc.app.Connect.FinishMastodon(ctx, flowID, code)
	})
}

// CancelMastodon gives up authorization flowID.
func (a *Accounts) CancelMastodon(flowID string) error {
	sc, err := a.s.current()
	if err != nil {
		return err
	}
	sc.app.Connect.CancelMastodon(flowID)
	return nil
}

// Disconnect removes account id's access from the keychain; its posts stay
// and it can be connected again.
func (a *Accounts) Disconnect(id string) (AccountView, error) {
	return a.connected(func(sc scope) (account.Account, error) {
		if _, err := a.own(sc, id); err != nil {
			return account.Account{}, err
		}
		return sc.app.Connect.Disconnect(sc.ctx, id)
	})
}

// Remove disconnects and deletes account id.
func (a *Accounts) Remove(id string) error {
	sc, err := a.s.current()
	if err != nil {
		return err
	}
	if _, err := a.own(sc, id); err != nil {
		return err
	}
	_, err = sc.app.Connect.Remove(sc.ctx, id)
	return err
}

// SetNativeScheduling lets the network hold account id's scheduled posts
// until their time (Mastodon), or not.
func (a *Accounts) SetNativeScheduling(id string, on bool) (AccountView, error) {
	return a.connected(func(sc scope) (account.Account, error) {
		acc, err := a.own(sc, id)
		if err != nil {
			return account.Account{}, err
		}
		if caps, ok := network.Defaults(acc.Network); !ok || !caps.NativeScheduling {
			on = false
		}
		return sc.app.Accounts.Update(sc.ctx, id, func(x *account.Account) { x.NativeScheduling = on })
	})
}

// own returns account id if it belongs to the current workspace.
func (a *Accounts) own(sc scope, id string) (account.Account, error) {
	acc, err := sc.app.Accounts.Get(sc.ctx, id)
	if err != nil {
		return account.Account{}, err
	}
	if acc.WorkspaceID != sc.ws.ID {
		return account.Account{}, account.ErrNotFound.With(nil, nil)
	}
	return acc, nil
}

func (a *Accounts) connected(do func(sc scope) (account.Account, error)) (AccountView, error) {
	sc, err := a.s.current()
	if err != nil {
		return AccountView{}, err
	}
	acc, err := do(sc)
	if err != nil {
		return AccountView{}, err
	}
	return a.view(sc, acc), nil
}
