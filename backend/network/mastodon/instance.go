package mastodon

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"ruche/backend/network"
)

// Instance is what an instance says of itself.
type Instance struct {
	Server       string // the base URL, e.g. "https://piaille.fr"
	Domain       string // the domain of its handles, e.g. "piaille.fr"
	Title        string
	Version      string
	Capabilities network.Capabilities // Mastodon's defaults refined with the instance's limits
}

type cachedInstance struct {
	instance Instance
	at       time.Time
}

// Instance asks the instance at server (any form NormalizeServer takes)
// for its limits: GET /api/v2/instance, or GET /api/v1/instance on an
// instance older than 4.0. An address that answers but not as Mastodon
// gives ErrNotMastodon. The answer is cached for CapabilitiesTTL.
func (c *Client) Instance(ctx context.Context, server string) (Instance, error) {
	base, err := NormalizeServer(server)
	if err != nil {
		return Instance{}, err
	}
	now := c.cfg.Now()
	c.cacheMu.Lock()
	ci, ok := c.cache[base]
	c.cacheMu.Unlock()
	if ok && now.Sub(ci.at) < c.cfg.CapabilitiesTTL {
		return ci.instance, nil
	}
	v, err, _ := c.instances.Do(base, func() (any, error) {
		inst, err := c.fetchInstance(ctx, base)
		if err != nil {
			return Instance{}, err
		}
		c.cacheMu.Lock()
		c.cache[base] = cachedInstance{instance: inst, at: c.cfg.Now()}
		c.cacheMu.Unlock()
		return inst, nil
	})
	if err != nil {
		return Instance{}, err
	}
	return v.(Instance), nil
}

// CapabilitiesFor returns what the instance at server accepts (cached, see
// Instance).
func (c *Client) CapabilitiesFor(ctx context.Context, server string) (network.Capabilities, error) {
	inst, err := c.Instance(ctx, server)
	if err != nil {
		return network.Capabilities{}, err
	}
	return inst.Capabilities, nil
}

func (c *Client) fetchInstance(ctx context.Context, base string) (Instance, error) {
	notMastodon := func(cause error) error {
		return netErr(ErrNotMastodon, 0, cause, map[string]any{"address": hostOf(base)})
	}
	rep, err := c.send(ctx, request{op: "instance", method: http.MethodGet, server: base, path: "/api/v2/instance", noLimit: true})
	if err == nil {
		var v2 instanceV2
		if json.Unmarshal(rep.body, &v2) == nil && v2.Domain != "" && v2.Configuration != nil {
			inst := Instance{Server: base, Domain: v2.Domain, Title: v2.Title, Version: v2.Version}
			inst.Capabilities = refine(v2.Configuration.Statuses, v2.Configuration.MediaAttachments)
			return inst, nil
		}
	} else if !fallsBack(err) {
		return Instance{}, err
	}
	rep, err = c.send(ctx, request{op: "instance", method: http.MethodGet, server: base, path: "/api/v1/instance", noLimit: true})
	if err != nil {
		if fallsBack(err) {
			return Instance{}, notMastodon(err)
		}
		return Instance{}, err
	}
	var v1 instanceV1
	if err := json.Unmarshal(rep.body, &v1); err != nil || v1.URI == "" || v1.Version == "" {
		if err == nil {
			err = errors.New("the answer has no uri and version")
		}
		return Instance{}, notMastodon(err)
	}
	inst := Instance{Server: base, Domain: strings.TrimPrefix(strings.TrimPrefix(v1.URI, "https://"), "http://"), Title: v1.Title, Version: v1.Version}
	if v1.Configuration != nil {
		inst.Capabilities = refine(v1.Configuration.Statuses, v1.Configuration.MediaAttachments)
	} else {
		inst.Capabilities = refine(nil, nil)
	}
	return inst, nil
}

// fallsBack reports whether an instance API failure means "ask the other
// version, or this is not Mastodon": the address answered, but not with
// the API (404, 410, another 4xx). A server or transport failure is
// returned as it is.
func fallsBack(err error) bool {
	s := statusOf(err)
	return s >= 400 && s < 500 && s != http.StatusTooManyRequests && s != http.StatusRequestTimeout
}

// refine returns Mastodon's defaults with what the instance configured.
func refine(st *statusConfiguration, media *mediaConfiguration) network.Capabilities {
	caps, _ := network.Defaults(network.Mastodon)
	if st != nil {
		if st.MaxCharacters > 0 {
			caps.TextLimit = st.MaxCharacters
		}
		if st.MaxMediaAttachments > 0 {
			caps.MaxMedia = st.MaxMediaAttachments
		}
		if st.CharactersReservedPerURL > 0 {
			caps.URLLength = st.CharactersReservedPerURL
		}
	}
	if media != nil {
		if media.ImageSizeLimit > 0 {
			caps.MaxMediaBytes = media.ImageSizeLimit
		}
		if media.VideoSizeLimit > 0 {
			caps.MaxVideoBytes = media.VideoSizeLimit
		}
		var types []string
		for _, t := range media.SupportedMIMETypes {
			if (strings.HasPrefix(t, "image/") || strings.HasPrefix(t, "video/")) && !slices.Contains(types, t) {
				types = append(types, t)
			}
		}
		if len(types) > 0 {
			caps.MediaTypes = types
		}
	}
	return caps
}
