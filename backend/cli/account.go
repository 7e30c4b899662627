package cli

import (
	"bufio"
	"context"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"ruche/backend/account"
	"ruche/backend/boot"
	"ruche/backend/locale"
	"ruche/backend/network"
)

// accountJSON is an account as scripts read it.
type accountJSON struct {
	ID          string `json:"id"`
	WorkspaceID string `json:"workspaceId"`
	Network     string `json:"network"`
	Handle      string `json:"handle"`
	DisplayName string `json:"displayName"`
	Server      string `json:"server,omitempty"`
	Status      string `json:"status"`
	// Health is the status, or "expiring" when the access ends within a week.
	Health           string `json:"health"`
	ExpiresAt        string `json:"expiresAt,omitempty"`
	NativeScheduling bool   `json:"nativeScheduling"`
	CreatedAt        string `json:"createdAt"`
}

func toAccountJSON(app *boot.App, a account.Account) accountJSON {
	health, exp := app.Health(a)
	out := accountJSON{ID: a.ID, WorkspaceID: a.WorkspaceID, Network: a.Network, Handle: a.Handle,
		DisplayName: a.DisplayName, Server: a.Server, Status: string(a.Status), Health: string(health),
		NativeScheduling: a.NativeScheduling, CreatedAt: a.CreatedAt.UTC().Format(time.RFC3339)}
	if !exp.IsZero() {
		out.ExpiresAt = exp.UTC().Format(time.RFC3339)
	}
	return out
}

// account runs "ruche account list|add|remove" on the current workspace.
func (r *runner) account(ctx context.Context, args []string) error {
	if len(args) < 1 {
		return usage("ruche account list|add|disconnect|remove")
	}
	switch args[0] {
	case "list", "ls":
		return r.withApp(ctx, r.accountList)
	case "add", "new":
		return r.withApp(ctx, func(ctx context.Context, a *boot.App) error { return r.accountAdd(ctx, a, args[1:]) })
	case "remove", "rm", "delete":
		if len(args) != 2 {
			return usage("ruche account remove ID|HANDLE")
		}
		return r.withApp(ctx, func(ctx context.Context, a *boot.App) error { return r.accountRemove(ctx, a, args[1], true) })
	case "disconnect":
		if len(args) != 2 {
			return usage("ruche account disconnect ID|HANDLE")
		}
		return r.withApp(ctx, func(ctx context.Context, a *boot.App) error { return r.accountRemove(ctx, a, args[1], false) })
	}
	return ErrUnknown.With(map[string]any{"name": "account " + args[0]}, nil)
}

func (r *runner) accountList(ctx context.Context, a *boot.App) error {
	w, err := a.Workspaces.Current(ctx)
	if err != nil {
		return err
	}
	all, err := a.Accounts.List(ctx, w.ID)
	if err != nil {
		return err
	}
	out := make([]accountJSON, 0, len(all))
	for _, acc := range all {
		out = append(out, toAccountJSON(a, acc))
	}
	if r.inv.JSON {
		return r.print(out, "")
	}
	if len(out) == 0 {
		return r.print(nil, locale.Message(r.lang, "cli.no_accounts", nil))
	}
	tw := tabwriter.NewWriter(r.Stdout, 0, 4, 2, ' ', 0)
	for _, acc := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", acc.ID, network.DisplayName(acc.Network), acc.Handle, acc.DisplayName, acc.Health)
	}
	return tw.Flush()
}

// accountAdd connects a Mastodon account (--instance: the authorization
// page to open is printed, the code it shows is read from stdin), a
// Bluesky account (--handle, the app password read from stdin), or adds an
// account by its handle (the test network, scripts).
func (r *runner) accountAdd(ctx context.Context, a *boot.App, args []string) error {
	o, err := parseOptions(args, []string{"--server", "--name", "--instance", "--handle", "--service"}, []string{"--app-password-stdin"})
	if err != nil {
		return err
	}
	w, err := a.Workspaces.Current(ctx)
	if err != nil {
		return err
	}
	var acc account.Account
	switch {
	case len(o.args) == 1 && o.args[0] == network.Mastodon:
		if o.value("--instance") == "" {
			return usage("ruche account add mastodon --instance URL")
		}
		acc, err = r.connectMastodon(ctx, a, w.ID, o.value("--instance"))
	case len(o.args) == 1 && o.args[0] == network.Bluesky:
		if o.value("--handle") == "" || !o.switches["--app-password-stdin"] {
			return usage("ruche account add bluesky --handle HANDLE --app-password-stdin [--service URL]")
		}
		var password string
		if password, err = r.readLine(); err == nil {
			acc, err = a.Connect.ConnectBluesky(ctx, w.ID, o.value("--handle"), password, o.value("--service"))
		}
	case len(o.args) == 2:
		acc, err = a.Accounts.Add(ctx, w.ID, account.Input{Network: o.args[0], Handle: o.args[1],
			DisplayName: o.value("--name"), Server: o.value("--server")})
	default:
		return usage("ruche account add mastodon --instance URL | bluesky --handle HANDLE --app-password-stdin [--service URL] | NETWORK HANDLE [--server URL] [--name NAME]")
	}
	if err != nil {
		return err
	}
	return r.print(toAccountJSON(a, acc), locale.Message(r.lang, "cli.account_added",
		map[string]any{"handle": acc.Handle, "network": network.DisplayName(acc.Network), "id": acc.ID}))
}

// connectMastodon runs the out-of-band authorization: the user opens the
// printed address, approves Ruche, and pastes the code the instance shows.
func (r *runner) connectMastodon(ctx context.Context, a *boot.App, wsID, instance string) (account.Account, error) {
	start, err := a.Connect.StartMastodon(ctx, wsID, instance, true)
	if err != nil {
		return account.Account{}, err
	}
	defer a.Connect.CancelMastodon(start.FlowID)
	// On stderr: stdout keeps the result, for scripts reading --json.
	fmt.Fprintln(r.Stderr, locale.Message(r.lang, "cli.mastodon_open", map[string]any{"url": start.URL}))
	code, err := r.readLine()
	if err != nil {
		return account.Account{}, err
	}
	return a.Connect.FinishMastodon(ctx, start.FlowID, code)
}

// readLine reads one line from stdin, without its line ending.
func (r *runner) readLine() (string, error) {
	if r.Stdin == nil {
		return "", ErrStdin.With(nil, nil)
	}
	line, err := bufio.NewReader(r.Stdin).ReadString('\n')
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", ErrStdin.With(nil, err)
	}
	return line, nil
}

// accountRemove disconnects the account named ref (its access leaves the
// keychain) and, with remove, deletes it.
func (r *runner) accountRemove(ctx context.Context, a *boot.App, ref string, remove bool) error {
	w, err := a.Workspaces.Current(ctx)
	if err != nil {
		return err
	}
	acc, err := a.Accounts.Find(ctx, w.ID, ref)
	if err != nil {
		return err
	}
	code := "cli.account_disconnected"
	if remove {
		acc, err = a.Connect.Remove(ctx, acc.ID)
		code = "cli.account_removed"
	} else {
		acc, err = a.Connect.Disconnect(ctx, acc.ID)
	}
	if err != nil {
		return err
	}
	return r.print(toAccountJSON(a, acc), locale.Message(r.lang, code,
		map[string]any{"handle": acc.Handle, "network": network.DisplayName(acc.Network)}))
}
