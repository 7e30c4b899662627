package store

// Key schema. Every key of the store is built in this file.
//
// Keys are byte strings made of ASCII segments separated by '/'. Identifiers
// are the fixed-width, time-ordered strings of package ident, so that byte
// order is creation order. A secondary index is a separate key with an empty
// value, written in the same transaction as its record.
//
//	meta/schema                  int: number of migrations applied (see migrate.go)
//	meta/info                    storeInfo: when and by which version the store was made
//	settings/app                 settings.Settings
//	ws/<wsID>                    workspace.Workspace
//	wslogo/<wsID>                raw PNG or JPEG bytes of the workspace's logo (not JSON)
//	idx/wsname/<lower(name)>     value: <wsID>; unique workspace names, ignoring case
//
// Every value except wslogo/ is JSON wrapped in an envelope {"v":N,"d":...}
// where N is the version of the value's shape (codec.go).

const (
	prefixWorkspace     = "ws/"
	prefixWorkspaceLogo = "wslogo/"
	prefixWorkspaceName = "idx/wsname/"
)

var (
	keySchema   = []byte("meta/schema")
	keyInfo     = []byte("meta/info")
	keySettings = []byte("settings/app")
)

func keyWorkspace(id string) []byte     { return []byte(prefixWorkspace + id) }
func keyWorkspaceLogo(id string) []byte { return []byte(prefixWorkspaceLogo + id) }
func keyWorkspaceName(folded string) []byte {
	return []byte(prefixWorkspaceName + folded)
}
