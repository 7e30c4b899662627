package mastodon

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"ruche/backend/network"
	"ruche/backend/post"
)

// uploadAll uploads media in order and returns their ids once each is
// processed.
func (c *Client) uploadAll(ctx context.Context, base string, a network.Account, media []post.Media) ([]string, error) {
	ids := make([]string, 0, len(media))
	for _, m := range media {
		id, err := c.upload(ctx, base, a, m)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// upload sends one file (POST /api/v2/media, multipart "file" and
// "description", the alt text) and, when the instance answers 202 with no
// url yet, waits until it has processed it.
func (c *Client) upload(ctx context.Context, base string, a network.Account, m post.Media) (string, error) {
	name := filepath.Base(m.Path)
	f, err := os.Open(m.Path)
	if err != nil {
		return "", netErr(ErrMediaUnreadable, 0, err, map[string]any{"file": name, "reason": reasonOf(err)})
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() {
		if err == nil {
			err = errors.New("not a regular file")
		}
		return "", netErr(ErrMediaUnreadable, 0, err, map[string]any{"file": name, "reason": reasonOf(err)})
	}
	head, tail, ctype, err := multipartFrame(name, m.MIME, m.Alt)
	if err != nil {
		return "", fmt.Errorf("mastodon: upload %s: %w", name, err)
	}
	body := io.MultiReader(bytes.NewReader(head), f, bytes.NewReader(tail))
	length := int64(len(head)) + fi.Size() + int64(len(tail))
	var att mediaAttachment
	rep, err := c.call(ctx, request{op: "upload " + name, method: http.MethodPost, server: base, path: "/api/v2/media", token: a.Token,
		header: http.Header{"Content-Type": {ctype}}, body: body, length: length, upload: true}, &att)
	if err != nil {
		return "", mediaFailure(err, name)
	}
	if att.ID == "" {
		return "", badAnswer("upload "+name, errors.New("the media has no id"))
	}
	if rep.status == http.StatusAccepted || att.URL == nil {
		if err := c.waitMedia(ctx, base, a, att.ID, name); err != nil {
			return "", err
		}
	}
	return att.ID, nil
}

// multipartFrame returns what comes before and after the file's bytes in
// a multipart form of the description and the file, and its content type:
// the body is streamed from the disk with its exact length.
func multipartFrame(name, mimeType, alt string) (head, tail []byte, ctype string, err error) {
	var hb bytes.Buffer
	w := multipart.NewWriter(&hb)
	if strings.TrimSpace(alt) != "" {
		if err := w.WriteField("description", alt); err != nil {
			return nil, nil, "", err
		}
	}
	if mimeType == "" {
		mimeType = "application/octet-stream"
	}
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="file"; filename="%s"`, quoteEscaper.Replace(name)))
	h.Set("Content-Type", mimeType)
	if _, err := w.CreatePart(h); err != nil {
		return nil, nil, "", err
	}
	var tb bytes.Buffer
	end := multipart.NewWriter(&tb)
	if err := end.SetBoundary(w.Boundary()); err != nil {
		return nil, nil, "", err
	}
	if err := end.Close(); err != nil { // writes the closing boundary
		return nil, nil, "", err
	}
	return hb.Bytes(), tb.Bytes(), w.FormDataContentType(), nil
}

var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"", "\r", "", "\n", "")

// waitMedia polls GET /api/v1/media/:id while the instance answers 206
// (still processing), with a backoff from 500 ms to 5 s, at most
// MediaPolls times.
func (c *Client) waitMedia(ctx context.Context, base string, a network.Account, id, name string) error {
	delay := 500 * time.Millisecond
	for range c.cfg.MediaPolls {
		if err := c.cfg.Sleep(ctx, delay); err != nil {
			return err
		}
		delay = min(2*delay, 5*time.Second)
		rep, err := c.send(ctx, request{op: "check " + name, method: http.MethodGet, server: base, path: "/api/v1/media/" + url.PathEscape(id), token: a.Token})
		if err != nil {
			return mediaFailure(err, name)
		}
		if rep.status == http.StatusPartialContent {
			continue
		}
		var att mediaAttachment
		if err := json.Unmarshal(rep.body, &att); err != nil {
			return badAnswer("check "+name, err)
		}
		if att.URL != nil {
			return nil
		}
	}
	return netErr(ErrMediaProcessing, 0, fmt.Errorf("%s still processing after %d checks", name, c.cfg.MediaPolls), nil)
}

// mediaFailure says which file failed when the instance refused it (422,
// or 404 for a media it dropped); other failures are returned as they are.
func mediaFailure(err error, name string) error {
	switch s := statusOf(err); s {
	case http.StatusUnprocessableEntity, http.StatusNotFound:
		return netErr(ErrMediaFailed, s, err, map[string]any{"file": name, "reason": reasonOf(err)})
	}
	return err
}

// reasonOf returns what the instance said of a failure, else its text.
func reasonOf(err error) string {
	var ne *network.Error
	if errors.As(err, &ne) {
		if r, ok := ne.Fault.Args["reason"].(string); ok {
			return r
		}
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
