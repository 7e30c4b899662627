// Package backend holds everything of Ruche except the window: plain Go that
// is tested without a window, a keychain or a network. Only main.go and
// app.go, at the top of the repository, import Wails.
//
// Dependencies point one way:
//
//	fault, locale, ident            the vocabulary
//	workspace, settings, ...        the domains
//	store, secrets, logs            where things are kept
//	boot, demo                      opening a data folder, sample data
//	api, cli                        what the window and the command line call
package backend
