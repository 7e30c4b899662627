import { describe, expect, it } from 'vitest'
import { externalURL, isAppURL, linkKind, type Link } from './links'

describe('externalURL', () => {
  const cases: Array<{ name: string; in: unknown; want: string | null }> = [
    { name: 'https', in: 'https://example.com/a?b=c#d', want: 'https://example.com/a?b=c#d' },
    { name: 'http, upper-case scheme and host', in: 'HTTP://Example.COM', want: 'http://example.com/' },
    { name: 'surrounding spaces', in: '  https://example.com/x  ', want: 'https://example.com/x' },
    { name: 'a port', in: 'https://example.com:8443/x', want: 'https://example.com:8443/x' },
    { name: 'an international name, in punycode', in: 'https://école.fr/été', want: 'https://xn--cole-9oa.fr/%C3%A9t%C3%A9' },
    {
      name: 'characters Wails refuses, encoded after the host',
      in: 'https://fr.wikipedia.org/wiki/Ruche_(apiculture)?q=a;b!*$~#x(y)',
      want: 'https://fr.wikipedia.org/wiki/Ruche_%28apiculture%29?q=a%3Bb%21%2A%24%7E#x%28y%29',
    },
    { name: 'javascript:', in: 'javascript:alert(1)', want: null },
    { name: 'JavaScript: with spaces and case', in: ' JaVaScRiPt:alert(1)', want: null },
    { name: 'javascript: with a tab inside', in: 'java\tscript:alert(1)', want: null },
    { name: 'file:', in: 'file:///etc/passwd', want: null },
    { name: 'data:', in: 'data:text/html,<script>alert(1)</script>', want: null },
    { name: 'blob:', in: 'blob:https://example.com/1234', want: null },
    { name: 'vbscript:', in: 'vbscript:msgbox(1)', want: null },
    { name: 'a protocol handler', in: 'ms-msdt:/id PCWDiagnostic', want: null },
    { name: 'smb:', in: 'smb://host/share', want: null },
    { name: 'mailto:', in: 'mailto:a@example.com', want: null },
    { name: 'the app itself', in: 'wails://wails/', want: null },
    { name: 'relative', in: '/settings', want: null },
    { name: 'protocol-relative', in: '//example.com/x', want: null },
    { name: 'no host', in: 'https://', want: null },
    { name: 'an empty host', in: 'https://:443/x', want: null },
    { name: 'user and password', in: 'https://bank.example:pw@evil.example/', want: null },
    { name: 'a user name', in: 'https://bank.example@evil.example/', want: null },
    { name: 'empty', in: '', want: null },
    { name: 'not a string', in: { href: 'https://example.com' }, want: null },
  ]
  for (const c of cases) it(c.name, () => expect(externalURL(c.in)).toBe(c.want))
})

describe('isAppURL', () => {
  const cases = [
    { name: 'the Linux and macOS app', url: 'wails://wails/x', page: 'wails://wails/', want: true },
    { name: 'the Windows app', url: 'http://wails.localhost/#x', page: 'http://wails.localhost/', want: true },
    { name: 'wails dev', url: 'http://localhost:34115/', page: 'http://localhost:34115/', want: true },
    { name: 'another port', url: 'http://localhost:8080/', page: 'http://localhost:34115/', want: false },
    { name: 'another host', url: 'https://example.com/', page: 'wails://wails/', want: false },
    { name: 'data: (opaque origin like wails://)', url: 'data:text/html,x', page: 'wails://wails/', want: false },
    { name: 'javascript:', url: 'javascript:alert(1)', page: 'wails://wails/', want: false },
    { name: 'not a URL', url: 'x', page: 'wails://wails/', want: false },
  ]
  for (const c of cases) it(c.name, () => expect(isAppURL(c.url, c.page)).toBe(c.want))
})

describe('linkKind', () => {
  const page = 'wails://wails/'
  const cases: Array<{ name: string; href: string; want: Link }> = [
    { name: 'https', href: 'https://example.com/p', want: { kind: 'external', url: 'https://example.com/p' } },
    { name: 'a fragment of the page', href: '#top', want: { kind: 'fragment' } },
    { name: 'the page with a fragment', href: 'wails://wails/#top', want: { kind: 'fragment' } },
    { name: 'a bare #', href: '#', want: { kind: 'refused' } },
    { name: 'another page of the app', href: '/other', want: { kind: 'refused' } },
    { name: 'the page itself', href: '', want: { kind: 'refused' } },
    { name: 'javascript:', href: 'javascript:void(0)', want: { kind: 'refused' } },
    { name: 'file:', href: 'file:///home/me/.ssh/id_ed25519', want: { kind: 'refused' } },
    { name: 'data:', href: 'data:text/html,hi', want: { kind: 'refused' } },
  ]
  for (const c of cases) it(c.name, () => expect(linkKind(c.href, page)).toEqual(c.want))
})
