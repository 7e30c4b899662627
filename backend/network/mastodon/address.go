package mastodon

import (
	"net"
	"net/url"
	"strings"
)

// NormalizeServer returns the base URL of the instance a user typed:
// "piaille.fr", "https://piaille.fr/", "@fournil@piaille.fr",
// "fournil@piaille.fr" and "https://piaille.fr/@fournil" all give
// "https://piaille.fr". Plain http is kept only for the loopback (a test
// or local instance); anything else is upgraded to https.
func NormalizeServer(input string) (string, error) {
	s := strings.TrimSpace(input)
	invalid := func() (string, error) {
		return "", ErrAddress.With(map[string]any{"address": input}, nil)
	}
	if s == "" || strings.ContainsAny(s, " \t\r\n") {
		return invalid()
	}
	if !strings.Contains(s, "://") {
		if i := strings.LastIndex(s, "@"); i >= 0 {
			s = s[i+1:] // a handle: @user@host or user@host
		}
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Hostname() == "" || u.Opaque != "" {
		return invalid()
	}
	scheme := strings.ToLower(u.Scheme)
	host := strings.ToLower(u.Hostname())
	switch {
	case scheme != "http" && scheme != "https":
		return invalid()
	case scheme == "http" && !isLoopback(host):
		scheme = "https"
	}
	if !isLoopback(host) && (!strings.Contains(host, ".") || strings.HasPrefix(host, ".") || strings.HasSuffix(host, ".")) {
		return invalid()
	}
	for _, r := range host {
		if !(r == '.' || r == '-' || r == ':' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r > 127) {
			return invalid()
		}
	}
	hostport := host
	if strings.Contains(host, ":") {
		hostport = "[" + host + "]"
	}
	if p := u.Port(); p != "" {
		hostport = net.JoinHostPort(host, p)
	}
	return scheme + "://" + hostport, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// hostOf returns the host of a normalised server URL.
func hostOf(server string) string {
	if u, err := url.Parse(server); err == nil {
		return u.Hostname()
	}
	return server
}
