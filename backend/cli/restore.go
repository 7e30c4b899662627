package cli

import (
	"context"
	"errors"
	"path/filepath"

	"ruche/backend/boot"
	"ruche/backend/locale"
	"ruche/backend/store"
)

// backup runs "ruche backup [FILE]": the whole store to FILE, or to a new
// file of the backups folder.
func (r *runner) backup(ctx context.Context, args []string) error {
	if len(args) > 1 {
		return usage("ruche backup [FILE.rbak]")
	}
	return r.withApp(ctx, func(ctx context.Context, a *boot.App) error {
		path := filepath.Join(a.Paths.Backups, "ruche-"+a.Now().Format("20060102-150405")+store.BackupExt)
		if len(args) == 1 {
			abs, err := filepath.Abs(args[0])
			if err != nil {
				return ErrFlag.With(map[string]any{"reason": err.Error()}, err)
			}
			path = abs
		}
		size, err := a.Backup(ctx, path)
		if err != nil {
			return err
		}
		return r.print(map[string]any{"path": path, "bytes": size},
			locale.Message(r.lang, "cli.backed_up", map[string]any{"path": path}))
	})
}

// restore runs "ruche restore [FILE]": the data folder is replaced by the
// backup FILE, or the newest of its backups folder. A store Open refuses as
// damaged is restored too, its folder kept whole beside the backups.
func (r *runner) restore(ctx context.Context, args []string) error {
	if len(args) > 1 {
		return usage("ruche restore [FILE.rbak]")
	}
	path := ""
	if len(args) == 1 {
		abs, err := filepath.Abs(args[0])
		if err != nil {
			return ErrFlag.With(map[string]any{"reason": err.Error()}, err)
		}
		path = abs
	}
	var res boot.Restored
	a, err := r.Open(ctx, r.inv.Globals)
	switch {
	case err == nil:
		defer a.Close()
		if path == "" {
			if path, err = boot.NewestBackup(a.Paths); err != nil {
				return err
			}
		}
		safety, err := a.Restore(ctx, path)
		if err != nil {
			return err
		}
		res = boot.Restored{From: path, Kept: safety}
	case errors.Is(err, store.ErrCorrupt) && r.RestoreDamaged != nil:
		if res, err = r.RestoreDamaged(ctx, r.inv.Globals, path); err != nil {
			return err
		}
	default:
		return err
	}
	return r.print(map[string]string{"from": res.From, "kept": res.Kept},
		locale.Message(r.lang, "cli.restored", map[string]any{"from": res.From, "kept": res.Kept}))
}
