package cli

import (
	"context"
	"fmt"
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
	CreatedAt   string `json:"createdAt"`
}

func toAccountJSON(a account.Account) accountJSON {
	return accountJSON{ID: a.ID, WorkspaceID: a.WorkspaceID, Network: a.Network, Handle: a.Handle,
		DisplayName: a.DisplayName, Server: a.Server, Status: string(a.Status), CreatedAt: a.CreatedAt.UTC().Format(time.RFC3339)}
}

// account runs "ruche account list|add|remove" on the current workspace.
func (r *runner) account(ctx context.Context, args []string) error {
	if len(args) < 1 {
		return usage("ruche account list|add|remove")
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
		return r.withApp(ctx, func(ctx context.Context, a *boot.App) error { return r.accountRemove(ctx, a, args[1]) })
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
		out = append(out, toAccountJSON(acc))
	}
	if r.inv.JSON {
		return r.print(out, "")
	}
	if len(out) == 0 {
		return r.print(nil, locale.Message(r.lang, "cli.no_accounts", nil))
	}
	tw := tabwriter.NewWriter(r.Stdout, 0, 4, 2, ' ', 0)
	for _, acc := range out {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", acc.ID, network.DisplayName(acc.Network), acc.Handle, acc.DisplayName, acc.Status)
	}
	return tw.Flush()
}

func (r *runner) accountAdd(ctx context.Context, a *boot.App, args []string) error {
	o, err := parseOptions(args, []string{"--server", "--name"}, nil)
	if err != nil {
		return err
	}
	if len(o.args) != 2 {
		return usage("ruche account add NETWORK HANDLE [--server URL] [--name NAME]")
	}
	w, err := a.Workspaces.Current(ctx)
	if err != nil {
		return err
	}
	acc, err := a.Accounts.Add(ctx, w.ID, account.Input{Network: o.args[0], Handle: o.args[1],
		DisplayName: o.value("--name"), Server: o.value("--server")})
	if err != nil {
		return err
	}
	return r.print(toAccountJSON(acc), locale.Message(r.lang, "cli.account_added",
		map[string]any{"handle": acc.Handle, "network": network.DisplayName(acc.Network), "id": acc.ID}))
}

func (r *runner) accountRemove(ctx context.Context, a *boot.App, ref string) error {
	w, err := a.Workspaces.Current(ctx)
	if err != nil {
		return err
	}
	acc, err := a.Accounts.Find(ctx, w.ID, ref)
	if err != nil {
		return err
	}
	if err := a.Accounts.Remove(ctx, acc.ID); err != nil {
		return err
	}
	return r.print(toAccountJSON(acc), locale.Message(r.lang, "cli.account_removed",
		map[string]any{"handle": acc.Handle, "network": network.DisplayName(acc.Network)}))
}
