package bluesky

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"ruche/backend/network"
)

// Profile is an account as Bluesky shows it.
type Profile struct {
	DID         string `json:"did"`
	Handle      string `json:"handle"`
	DisplayName string `json:"displayName"`
	Avatar      string `json:"avatar,omitempty"` // URL
	Followers   int    `json:"followers"`
	Follows     int    `json:"follows"`
	Posts       int    `json:"posts"`
}

// The XRPC methods of identities and profiles.
const (
	nsidResolveHandle = "com.atproto.identity.resolveHandle"
	nsidGetProfile    = "app.bsky.actor.getProfile"
)

// handleSyntax is the syntax of an atproto handle: a domain name whose last
// label does not start with a digit.
var handleSyntax = regexp.MustCompile(`^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$`)

// validHandle reports whether h is a handle (at most 253 characters).
func validHandle(h string) bool { return len(h) <= 253 && handleSyntax.MatchString(h) }

// didSyntax is the generic syntax of a DID, of the two methods atproto uses.
var didSyntax = regexp.MustCompile(`^did:(plc:[a-z2-7]{24}|web:[a-zA-Z0-9._%:-]+)$`)

// normalizeHandle removes what people type around a handle: spaces, a
// leading @, capitals.
func normalizeHandle(h string) string {
	return strings.ToLower(strings.TrimPrefix(strings.TrimSpace(h), "@"))
}

// Connect opens a session for handle with appPassword: it resolves the
// handle to a DID (through service's com.atproto.identity.resolveHandle
// when service is given, else DNS TXT _atproto.HANDLE then
// https://HANDLE/.well-known/atproto-did), the DID to its document (did:plc
// through the PLC directory, did:web through /.well-known/did.json) and the
// document to the account's server, where it logs in. It returns the
// session, for the caller to save under the account, and the profile.
//
// The errors name the step the user can fix: ErrHandleUnresolved,
// ErrServiceUnreachable (the service given), ErrPDSUnresolved,
// ErrWrongPassword, ErrTwoFactor, ErrAccountSuspended.
func (c *Client) Connect(ctx context.Context, handle, appPassword, service string) (Session, Profile, error) {
	handle = normalizeHandle(handle)
	did, err := c.resolveHandle(ctx, handle, service)
	if err != nil {
		return Session{}, Profile{}, err
	}
	doc, err := c.resolveDID(ctx, did)
	if err != nil {
		return Session{}, Profile{}, err
	}
	pds := doc.pds()
	if pds == "" {
		return Session{}, Profile{}, fail(ErrPDSUnresolved, map[string]any{"handle": handle},
			fmt.Errorf("bluesky: the DID document of %s names no #atproto_pds", did))
	}
	if u, _ := url.Parse(pds); cleartext(u) {
		return Session{}, Profile{}, fail(ErrPDSInsecure, map[string]any{"handle": handle, "service": origin(u)},
			fmt.Errorf("bluesky: the DID document of %s names %s, plain http: the app password would travel in clear", did, origin(u)))
	}
	ans, err := c.createSession(ctx, pds, did, appPassword)
	if err != nil {
		args := map[string]any{"handle": handle}
		switch {
		case isXRPC(err, 0, "AuthFactorTokenRequired"):
			return Session{}, Profile{}, fail(ErrTwoFactor, args, err)
		case isXRPC(err, 0, "AccountTakedown"):
			return Session{}, Profile{}, fail(ErrAccountSuspended, args, err)
		case isXRPC(err, http.StatusUnauthorized, ""):
			return Session{}, Profile{}, fail(ErrWrongPassword, args, err)
		}
		return Session{}, Profile{}, err
	}
	s := Session{DID: ans.DID, Handle: ans.Handle, PDS: pds, AccessJWT: ans.AccessJWT, RefreshJWT: ans.RefreshJWT}
	p, err := c.profile(ctx, s, s.DID)
	if err != nil {
		return Session{}, Profile{}, err
	}
	return s, p, nil
}

// Profile returns the account's profile.
func (c *Client) Profile(ctx context.Context, a network.Account) (Profile, error) {
	var out profileView
	if _, err := c.authed(ctx, a, xrpc{nsid: nsidGetProfile, query: url.Values{"actor": {c.actor(a)}}, out: &out}); err != nil {
		return Profile{}, err
	}
	return out.profile(), nil
}

// actor names the account for app.bsky reads: its DID when the session
// is known, else its handle.
func (c *Client) actor(a network.Account) string {
	if s, err := c.sessions.Load(a.ID); err == nil && s.DID != "" {
		return s.DID
	}
	return a.Handle
}

// profile reads actor's profile with session s.
func (c *Client) profile(ctx context.Context, s Session, actor string) (Profile, error) {
	var out profileView
	if err := c.call(ctx, s.PDS, s.AccessJWT, xrpc{nsid: nsidGetProfile, query: url.Values{"actor": {actor}}, out: &out}); err != nil {
		return Profile{}, err
	}
	return out.profile(), nil
}

// profileView is app.bsky.actor.defs#profileViewDetailed, in part.
type profileView struct {
	DID            string `json:"did"`
	Handle         string `json:"handle"`
	DisplayName    string `json:"displayName"`
	Avatar         string `json:"avatar"`
	FollowersCount int    `json:"followersCount"`
	FollowsCount   int    `json:"followsCount"`
	PostsCount     int    `json:"postsCount"`
}

func (p profileView) profile() Profile {
	return Profile{DID: p.DID, Handle: p.Handle, DisplayName: p.DisplayName, Avatar: p.Avatar,
		Followers: p.FollowersCount, Follows: p.FollowsCount, Posts: p.PostsCount}
}

// resolveHandle returns the DID of handle, asking service when given.
func (c *Client) resolveHandle(ctx context.Context, handle, service string) (string, error) {
	args := map[string]any{"handle": handle}
	if !validHandle(handle) {
		return "", fail(ErrHandleUnresolved, args, fmt.Errorf("bluesky: %q is not a handle", handle))
	}
	if service != "" {
		base, err := serviceURL(service)
		switch {
		case errors.Is(err, ErrServiceInsecure):
			return "", err
		case err != nil:
			return "", fail(ErrServiceUnreachable, map[string]any{"service": service}, err)
		}
		did, err := c.resolveHandleAt(ctx, base, "", handle)
		var ne *network.Error
		switch {
		case err == nil:
			return did, nil
		case errors.Is(err, errNoSuchHandle):
			return "", fail(ErrHandleUnresolved, args, err)
		case errors.Is(err, context.Canceled):
			return "", err
		case xrpcErr(err) == nil && errors.As(err, &ne), isXRPC(err, http.StatusNotFound, ""):
			// No answer, or no XRPC server there: the address is wrong
			// or the Internet is down.
			return "", fail(ErrServiceUnreachable, map[string]any{"service": service}, err)
		}
		return "", err
	}
	did, dnsErr := c.resolveHandleDNS(ctx, handle)
	if dnsErr == nil {
		return did, nil
	}
	did, webErr := c.resolveHandleWeb(ctx, handle)
	if webErr == nil {
		return did, nil
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	return "", fail(ErrHandleUnresolved, args, fmt.Errorf("bluesky: resolve %s: dns: %w; https: %w", handle, dnsErr, webErr))
}

// errNoSuchHandle: the server says the handle leads to no DID.
var errNoSuchHandle = errors.New("bluesky: no such handle")

// resolveHandleAt asks the XRPC server at base (with token, "" for none)
// for the DID of handle; errNoSuchHandle when the server knows none.
func (c *Client) resolveHandleAt(ctx context.Context, base, token, handle string) (string, error) {
	var out struct {
		DID string `json:"did"`
	}
	err := c.call(ctx, base, token, xrpc{nsid: nsidResolveHandle, query: url.Values{"handle": {handle}}, out: &out})
	switch {
	case isXRPC(err, http.StatusBadRequest, "HandleNotFound"), isXRPC(err, http.StatusBadRequest, "InvalidRequest"):
		return "", fmt.Errorf("%w: %w", errNoSuchHandle, err)
	case err != nil:
		return "", err
	case !didSyntax.MatchString(out.DID):
		return "", fmt.Errorf("%w: %s answered %q", errNoSuchHandle, nsidResolveHandle, out.DID)
	}
	return out.DID, nil
}

// serviceURL returns the base URL of a service the user typed:
// "bsky.social" is https://bsky.social. Plain http is ErrServiceInsecure,
// except to this machine (a local test network).
func serviceURL(service string) (string, error) {
	s := strings.TrimSuffix(strings.TrimSpace(service), "/")
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", fmt.Errorf("bluesky: %q is not a server address", service)
	}
	if cleartext(u) {
		return "", errCleartext(u)
	}
	return u.Scheme + "://" + u.Host + strings.TrimSuffix(u.Path, "/"), nil
}

// resolveHandleDNS reads the TXT record _atproto.HANDLE ("did=...").
func (c *Client) resolveHandleDNS(ctx context.Context, handle string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	records, err := c.cfg.LookupTXT(ctx, "_atproto."+handle)
	if err != nil {
		return "", err
	}
	var found []string
	for _, r := range records {
		if did, ok := strings.CutPrefix(strings.TrimSpace(r), "did="); ok && didSyntax.MatchString(did) {
			found = append(found, did)
		}
	}
	if len(found) != 1 {
		return "", fmt.Errorf("bluesky: _atproto.%s has %d DIDs, want 1", handle, len(found))
	}
	return found[0], nil
}

// resolveHandleWeb reads https://HANDLE/.well-known/atproto-did.
func (c *Client) resolveHandleWeb(ctx context.Context, handle string) (string, error) {
	body, err := c.get(ctx, "https://"+handle+"/.well-known/atproto-did", 2048)
	if err != nil {
		return "", err
	}
	did := strings.TrimSpace(string(body))
	if !didSyntax.MatchString(did) {
		return "", fmt.Errorf("bluesky: https://%s/.well-known/atproto-did holds no DID", handle)
	}
	return did, nil
}

// didDocument is a DID document, in the parts atproto uses.
type didDocument struct {
	ID          string   `json:"id"`
	AlsoKnownAs []string `json:"alsoKnownAs"`
	Service     []struct {
		ID              string `json:"id"`
		Type            string `json:"type"`
		ServiceEndpoint any    `json:"serviceEndpoint"`
	} `json:"service"`
}

// pds returns the document's #atproto_pds endpoint, "" if none.
func (d didDocument) pds() string {
	for _, s := range d.Service {
		if (s.ID != "#atproto_pds" && s.ID != d.ID+"#atproto_pds") || s.Type != "AtprotoPersonalDataServer" {
			continue
		}
		endpoint, ok := s.ServiceEndpoint.(string)
		if !ok {
			return ""
		}
		u, err := url.Parse(endpoint)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
			return ""
		}
		return strings.TrimSuffix(endpoint, "/")
	}
	return ""
}

// resolveDID fetches the document of did: did:plc from the PLC directory,
// did:web from https://DOMAIN/.well-known/did.json (http for localhost and
// loopback addresses, as test networks use).
func (c *Client) resolveDID(ctx context.Context, did string) (didDocument, error) {
	var docURL string
	switch {
	case strings.HasPrefix(did, "did:plc:"):
		docURL = c.cfg.PLCURL + "/" + did
	case strings.HasPrefix(did, "did:web:"):
		raw := strings.TrimPrefix(did, "did:web:")
		host, err := url.PathUnescape(raw)
		// atproto uses host-level did:web only: no path (a raw ':'), at
		// most a port (an escaped one).
		if err != nil || strings.Contains(raw, ":") || strings.Contains(host, "/") || strings.Count(host, ":") > 1 {
			return didDocument{}, fail(ErrPDSUnresolved, map[string]any{"handle": did}, fmt.Errorf("bluesky: %s is not a did:web Ruche can read", did))
		}
		scheme := "https"
		if isLocal(host) {
			scheme = "http"
		}
		docURL = scheme + "://" + host + "/.well-known/did.json"
	default:
		return didDocument{}, fail(ErrPDSUnresolved, map[string]any{"handle": did}, fmt.Errorf("bluesky: unknown DID method in %s", did))
	}
	body, err := c.get(ctx, docURL, 1<<20)
	var doc didDocument
	switch {
	case isXRPC(err, http.StatusNotFound, ""), isXRPC(err, http.StatusGone, ""):
		return didDocument{}, fail(ErrPDSUnresolved, map[string]any{"handle": did}, err)
	case err != nil:
		return didDocument{}, err
	case json.Unmarshal(body, &doc) != nil || doc.ID != did:
		return didDocument{}, fail(ErrPDSUnresolved, map[string]any{"handle": did}, fmt.Errorf("bluesky: %s is not the DID document of %s", docURL, did))
	}
	return doc, nil
}

// isLocal reports whether host (with or without a port) is this machine:
// localhost, 127.0.0.0/8 or ::1.
func isLocal(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// cleartext reports whether u is plain http to another machine, where the
// app password and the session's tokens would travel unencrypted: Ruche
// talks to Bluesky over https, or over http on this machine only (the
// local test network).
func cleartext(u *url.URL) bool {
	return u != nil && u.Scheme == "http" && !isLocal(u.Host)
}

// errCleartext is ErrServiceInsecure for u.
func errCleartext(u *url.URL) error {
	return fail(ErrServiceInsecure, map[string]any{"service": origin(u)},
		fmt.Errorf("bluesky: %s is plain http to another machine: refused, the password and tokens would travel in clear", origin(u)))
}

// origin returns the scheme and host of u.
func origin(u *url.URL) string { return u.Scheme + "://" + u.Host }

// get fetches rawURL within the client's timeout and returns at most limit
// bytes of its body. A failed status is a *network.Error with an
// *xrpcError cause (naming the URL) so that callers can test the status.
func (c *Client) get(ctx context.Context, rawURL string, limit int64) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, fmt.Errorf("bluesky: %w", err)
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	resp, err := c.do(req)
	if err != nil {
		return nil, transportError(rawURL, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 400 {
		return nil, c.statusError(rawURL, resp, nil)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit))
	if err != nil {
		return nil, transportError(rawURL, err)
	}
	return body, nil
}
