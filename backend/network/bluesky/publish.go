package bluesky

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"ruche/backend/fault"
	"ruche/backend/network"
	"ruche/backend/post"
)

// The XRPC methods and records of publishing.
const (
	nsidCreateRecord = "com.atproto.repo.createRecord"
	nsidGetRecord    = "com.atproto.repo.getRecord"
	nsidDeleteRecord = "com.atproto.repo.deleteRecord"
	nsidUploadBlob   = "com.atproto.repo.uploadBlob"

	collectionPost = "app.bsky.feed.post"
	embedImages    = "app.bsky.embed.images"
	embedExternal  = "app.bsky.embed.external"

	// createdAtLayout is the datetime of records: UTC, milliseconds.
	createdAtLayout = "2006-01-02T15:04:05.000Z"
	// maxMediaFile bounds the file read for one image, before fitting.
	maxMediaFile = 50 << 20
)

// strongRef is com.atproto.repo.strongRef.
type strongRef struct {
	URI string `json:"uri"`
	CID string `json:"cid"`
}

type replyRef struct {
	Root   strongRef `json:"root"`
	Parent strongRef `json:"parent"`
}

// postRecord is app.bsky.feed.post.
type postRecord struct {
	Type      string    `json:"$type"`
	Text      string    `json:"text"`
	Facets    []facet   `json:"facets,omitempty"`
	Reply     *replyRef `json:"reply,omitempty"`
	Embed     any       `json:"embed,omitempty"`
	Langs     []string  `json:"langs,omitempty"`
	CreatedAt string    `json:"createdAt"`
	// ThreadLength, on the first post of a thread, is how many posts the
	// thread has, so that Lookup can tell a whole thread from one cut
	// short. Records are open: Bluesky's apps ignore a field they do not
	// know.
	ThreadLength int `json:"rucheThreadLength,omitempty"`
}

type imagesEmbed struct {
	Type   string     `json:"$type"`
	Images []imageRef `json:"images"`
}

type imageRef struct {
	Image       json.RawMessage `json:"image"` // the blob, as uploadBlob returned it
	Alt         string          `json:"alt"`
	AspectRatio aspectRatio     `json:"aspectRatio"`
}

type aspectRatio struct {
	Width  int `json:"width"`
	Height int `json:"height"`
}

type externalEmbed struct {
	Type     string   `json:"$type"`
	External external `json:"external"`
}

type external struct {
	URI         string          `json:"uri"`
	Title       string          `json:"title"`
	Description string          `json:"description"`
	Thumb       json.RawMessage `json:"thumb,omitempty"`
}

// Publish posts v for account: its text with facets, its images (or else a
// card for its link) and its thread as replies, each post at the record
// key derived from idempotencyKey (RecordKey; part n of a thread from
// idempotencyKey + "/" + n). Publishing the same key again finds the
// records already there and makes no second post: the PDS refuses a
// record key in use (with a 500 InternalServerError, which is why any
// refusal is followed by a look at that key), and the post already there
// is taken as published. A thread cut short is finished from where it
// stopped.
func (c *Client) Publish(ctx context.Context, a network.Account, v post.Variant, idempotencyKey string) (network.Result, error) {
	if idempotencyKey == "" {
		return network.Result{}, errors.New("bluesky: publish: no idempotency key")
	}
	s, err := c.session(ctx, a)
	if err != nil {
		return network.Result{}, err
	}
	parts := append([]string{v.Text}, v.Thread...)
	mentions := map[string]string{}
	var root, parent strongRef
	for i, text := range parts {
		rec := postRecord{Type: collectionPost, Text: text, CreatedAt: c.cfg.Now().UTC().Format(createdAtLayout)}
		if v.Language != "" {
			rec.Langs = []string{v.Language}
		}
		if rec.Facets, err = facets(ctx, text, c.mentionResolver(a), mentions); err != nil {
			return network.Result{}, err
		}
		if i == 0 {
			if rec.Embed, err = c.embed(ctx, a, v); err != nil {
				return network.Result{}, err
			}
			if len(parts) > 1 {
				rec.ThreadLength = len(parts)
			}
		} else {
			rec.Reply = &replyRef{Root: root, Parent: parent}
			if link := firstLink(text); link != "" {
				rec.Embed = c.cardEmbed(ctx, a, link)
			}
		}
		ref, err := c.create(ctx, a, s.DID, RecordKey(partKey(idempotencyKey, i)), rec)
		if err != nil {
			return network.Result{}, err
		}
		if i == 0 {
			root = ref
		}
		parent = ref
	}
	return c.result(a, root.URI), nil
}

// create writes rec at rkey, or returns the record already there.
func (c *Client) create(ctx context.Context, a network.Account, did, rkey string, rec postRecord) (strongRef, error) {
	var out strongRef
	in := map[string]any{"repo": did, "collection": collectionPost, "rkey": rkey, "record": rec}
	x, err := jsonCall(nsidCreateRecord, in, &out)
	if err != nil {
		return strongRef{}, err
	}
	_, err = c.authed(ctx, a, x)
	if err == nil {
		return out, nil
	}
	// A refusal may be the record key in use: an earlier attempt made the
	// post. No answer at all, an expired session or a rate limit is left
	// to the caller (the scheduler asks Lookup before trying again).
	if xe := xrpcErr(err); xe == nil || (xe.Status != http.StatusBadRequest && xe.Status < 500) {
		return strongRef{}, err
	}
	ref, _, found, gerr := c.getRecord(ctx, a, did, rkey)
	if gerr == nil && found {
		return ref, nil
	}
	return strongRef{}, err
}

// getRecord reads the post at rkey of repo; found is false when there is
// none.
func (c *Client) getRecord(ctx context.Context, a network.Account, repo, rkey string) (strongRef, json.RawMessage, bool, error) {
	var out struct {
		URI   string          `json:"uri"`
		CID   string          `json:"cid"`
		Value json.RawMessage `json:"value"`
	}
	q := url.Values{"repo": {repo}, "collection": {collectionPost}, "rkey": {rkey}}
	_, err := c.authed(ctx, a, xrpc{nsid: nsidGetRecord, query: q, out: &out})
	switch {
	case isXRPC(err, http.StatusBadRequest, "RecordNotFound"), isXRPC(err, http.StatusNotFound, ""):
		return strongRef{}, nil, false, nil
	case err != nil:
		return strongRef{}, nil, false, err
	}
	return strongRef{URI: out.URI, CID: out.CID}, out.Value, true, nil
}

// Lookup returns the post published with sent's key: found when its
// record is there and, for a thread, its last post too (a thread cut short
// is not found, so that Publish finishes it). The record key comes from the
// publication's key, which a repository keeps for good: no delay matters.
func (c *Client) Lookup(ctx context.Context, a network.Account, sent network.Sent) (network.Result, bool, error) {
	idempotencyKey := sent.Key
	s, err := c.session(ctx, a)
	if err != nil {
		return network.Result{}, false, err
	}
	ref, value, found, err := c.getRecord(ctx, a, s.DID, RecordKey(idempotencyKey))
	if err != nil || !found {
		return network.Result{}, false, err
	}
	var rec postRecord
	if json.Unmarshal(value, &rec) == nil && rec.ThreadLength > 1 {
		_, _, found, err := c.getRecord(ctx, a, s.DID, RecordKey(partKey(idempotencyKey, rec.ThreadLength-1)))
		if err != nil || !found {
			return network.Result{}, false, err
		}
	}
	return c.result(a, ref.URI), true, nil
}

// Delete removes the post remoteID (its at:// URI); a post already gone is
// not an error. The other posts of a thread stay.
func (c *Client) Delete(ctx context.Context, a network.Account, remoteID string) error {
	repo, collection, rkey, ok := parseATURI(remoteID)
	if !ok {
		return network.NewError(network.Bluesky, network.ErrRefused, 0, fmt.Errorf("bluesky: %q is not a post's at:// URI", remoteID))
	}
	x, err := jsonCall(nsidDeleteRecord, map[string]string{"repo": repo, "collection": collection, "rkey": rkey}, nil)
	if err != nil {
		return err
	}
	_, err = c.authed(ctx, a, x)
	if isXRPC(err, http.StatusBadRequest, "RecordNotFound") || isXRPC(err, http.StatusNotFound, "") {
		return nil
	}
	return err
}

// parseATURI splits at://REPO/COLLECTION/RKEY.
func parseATURI(uri string) (repo, collection, rkey string, ok bool) {
	rest, ok := strings.CutPrefix(uri, "at://")
	if !ok {
		return "", "", "", false
	}
	parts := strings.Split(rest, "/")
	if len(parts) != 3 || parts[0] == "" || parts[1] == "" || parts[2] == "" {
		return "", "", "", false
	}
	return parts[0], parts[1], parts[2], true
}

// result returns where the post at uri lives.
func (c *Client) result(a network.Account, uri string) network.Result {
	return network.Result{RemoteID: uri, URL: c.postURL(a, uri)}
}

// postURL returns the bsky.app address of the post at uri by account a.
func (c *Client) postURL(a network.Account, uri string) string {
	repo, _, rkey, _ := parseATURI(uri)
	if s, err := c.sessions.Load(a.ID); err == nil && s.Handle != "" && s.DID == repo {
		repo = s.Handle
	} else if a.Handle != "" && !strings.HasPrefix(repo, "did:") {
		repo = a.Handle
	}
	return webURL(repo, rkey)
}

// webURL returns the bsky.app address of post rkey by actor (a handle or
// a DID).
func webURL(actor, rkey string) string {
	return "https://bsky.app/profile/" + url.PathEscape(actor) + "/post/" + url.PathEscape(rkey)
}

// mentionResolver resolves handles on the account's server.
func (c *Client) mentionResolver(a network.Account) resolver {
	return func(ctx context.Context, handle string) (string, error) {
		s, err := c.session(ctx, a)
		if err != nil {
			return "", err
		}
		return c.resolveHandleAt(ctx, s.PDS, "", handle)
	}
}

// embed returns the embed of the first post: its images, else the card of
// its link (Variant.Link, or the first link of its text). With both, the
// images win and the link stays a facet.
func (c *Client) embed(ctx context.Context, a network.Account, v post.Variant) (any, error) {
	if len(v.Media) > 0 {
		return c.imagesEmbed(ctx, a, v.Media)
	}
	link := v.Link
	if link == "" {
		link = firstLink(v.Text)
	}
	if link == "" {
		return nil, nil
	}
	return c.cardEmbed(ctx, a, link), nil
}

// imagesEmbed uploads the images, fitted to MaxImageBytes.
func (c *Client) imagesEmbed(ctx context.Context, a network.Account, media []post.Media) (any, error) {
	caps := c.Capabilities()
	if len(media) > caps.MaxMedia {
		return nil, &network.Error{Network: network.Bluesky, Fault: &fault.Error{Kind: fault.Invalid, Code: network.ProblemMediaTooMany,
			Args: map[string]any{"network": network.DisplayName(network.Bluesky), "max": caps.MaxMedia, "count": len(media)}}}
	}
	e := imagesEmbed{Type: embedImages}
	for _, m := range media {
		name := filepath.Base(m.Path)
		if strings.HasPrefix(m.MIME, "video/") {
			return nil, fail(ErrVideoUnsupported, map[string]any{"file": name}, nil)
		}
		data, err := readFile(m.Path)
		var f fitted
		if err == nil {
			f, err = fitImage(data, MaxImageBytes)
		}
		switch {
		case errors.Is(err, errTooLarge):
			return nil, fail(ErrImageTooLarge, map[string]any{"file": name, "max": "1 MB"}, err)
		case err != nil:
			return nil, fail(ErrImageInvalid, map[string]any{"file": name}, err)
		}
		blob, err := c.uploadBlob(ctx, a, f.Data, f.MIME)
		if err != nil {
			return nil, err
		}
		e.Images = append(e.Images, imageRef{Image: blob, Alt: m.Alt, AspectRatio: aspectRatio{Width: f.Width, Height: f.Height}})
	}
	return e, nil
}

// readFile reads an image file, refusing one over maxMediaFile.
func readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxMediaFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxMediaFile {
		return nil, fmt.Errorf("%w: %s is over %d bytes", errTooLarge, path, maxMediaFile)
	}
	return data, nil
}

// cardEmbed returns the link card of link, with its thumbnail when one can
// be fetched, fitted and uploaded. It never fails: a card is not worth
// failing a post for.
func (c *Client) cardEmbed(ctx context.Context, a network.Account, link string) any {
	k := c.fetchCard(ctx, link)
	e := externalEmbed{Type: embedExternal, External: external{URI: k.URL, Title: k.Title, Description: k.Description}}
	if k.Image == "" {
		return e
	}
	u, err := url.Parse(k.Image)
	if err != nil {
		return e
	}
	data, _, _, err := c.download(ctx, u, maxThumbBytes, false, "image/*")
	if err != nil {
		return e
	}
	f, err := fitImage(data, MaxImageBytes)
	if err != nil {
		return e
	}
	if blob, err := c.uploadBlob(ctx, a, f.Data, f.MIME); err == nil {
		e.External.Thumb = blob
	}
	return e
}

// uploadBlob uploads data and returns the blob to reference in a record.
func (c *Client) uploadBlob(ctx context.Context, a network.Account, data []byte, mime string) (json.RawMessage, error) {
	var out struct {
		Blob json.RawMessage `json:"blob"`
	}
	if _, err := c.authed(ctx, a, xrpc{nsid: nsidUploadBlob, post: true, body: data, contentType: mime, out: &out}); err != nil {
		return nil, err
	}
	if len(out.Blob) == 0 {
		return nil, fmt.Errorf("bluesky: %s: no blob in the answer", nsidUploadBlob)
	}
	return out.Blob, nil
}
