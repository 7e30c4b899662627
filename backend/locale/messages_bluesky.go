package locale

// blueskyMessages are the messages of package network/bluesky.
var blueskyMessages = map[Lang]map[string]string{
	English: {},
	French:  {},
}
