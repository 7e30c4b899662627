package locale

// mastodonMessages are the messages of package network/mastodon.
var mastodonMessages = map[Lang]map[string]string{
	English: {},
	French:  {},
}
