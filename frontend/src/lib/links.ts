// Links shown in the window come from the networks (comments, profiles, link
// cards) and may be hostile. The window itself never leaves its own page: a
// link to the page's own fragment stays, an http(s) link opens in the system
// browser, anything else (javascript:, file:, data:, smb:, another page of
// the app...) is refused.

export type Link = { kind: 'fragment' } | { kind: 'external'; url: string } | { kind: 'refused' }

// Wails' BrowserOpenURL silently refuses a URL holding any of these
// (internal/frontend/utils/urlValidator.go in v2.11.0), which real links do:
// https://fr.wikipedia.org/wiki/Ruche_(apiculture). They are percent-encoded
// after the host, where servers read them the same.
const WAILS_REFUSES = /[;|`$\\<>*{}[\]()~!\s]/g

function escapeForWails(s: string): string {
  return s.replace(WAILS_REFUSES, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'))
}

function parse(raw: string, base?: string): URL | null {
  try {
    return new URL(raw, base)
  } catch {
    return null
  }
}

// externalURL returns the address to hand to the system browser for raw, or
// null when raw is not an absolute http(s) URL with a host. A user name or
// password in it (https://bank.example@evil.example/) is refused too.
export function externalURL(raw: unknown): string | null {
  if (typeof raw !== 'string') return null
  const u = parse(raw.trim())
  if (!u || (u.protocol !== 'https:' && u.protocol !== 'http:') || u.hostname === '') return null
  if (u.username !== '' || u.password !== '') return null
  if (new RegExp(WAILS_REFUSES.source).test(u.host)) return null
  return `${u.protocol}//${u.host}${escapeForWails(u.pathname + u.search + u.hash)}`
}

// isAppURL says whether url is on the app's own origin (page is the app's
// address): same scheme and host, compared as such because the app's origin
// (wails://wails) is opaque, like that of data: or javascript: URLs.
export function isAppURL(url: string, page: string): boolean {
  const u = parse(url)
  const p = parse(page)
  return !!u && !!p && u.protocol === p.protocol && u.host === p.host
}

// linkKind classifies the href of a link clicked in page (the document's
// address, which also resolves a relative href).
export function linkKind(href: string, page: string): Link {
  const u = parse(href, page)
  const p = parse(page)
  if (!u || !p) return { kind: 'refused' }
  if (isAppURL(u.href, p.href)) {
    const same = u.pathname === p.pathname && u.search === p.search
    return same && u.hash !== '' ? { kind: 'fragment' } : { kind: 'refused' }
  }
  const url = externalURL(u.href)
  return url ? { kind: 'external', url } : { kind: 'refused' }
}
