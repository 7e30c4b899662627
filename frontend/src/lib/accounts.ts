// The pure logic of the Accounts screen: what an account's health says and
// allows, the order of the list, the initials and colours that stand in for
// avatars (the window loads no remote image), and hints about what the user
// types into the connect forms.
import type { AccountView } from '../api/accounts'
import { networkColor, networkName, PILLAR_PALETTE } from './calendar'

// keychain_locked: the system keychain did not give the account's access
// (locked, or its daemon unreachable); posts wait and are tried again.
export type Health = 'connected' | 'expiring' | 'keychain_locked' | 'reconnect_needed' | 'disconnected' | 'demo'
export const HEALTHS: readonly Health[] = ['connected', 'expiring', 'keychain_locked', 'reconnect_needed', 'disconnected', 'demo']

// The colour family of a health badge.
export type Tone = 'ok' | 'warn' | 'bad' | 'off' | 'demo'

const TONES: Record<Health, Tone> = {
  connected: 'ok',
  expiring: 'warn',
  keychain_locked: 'warn',
  reconnect_needed: 'bad',
  disconnected: 'off',
  demo: 'demo',
}

const isHealth = (v: unknown): v is Health => HEALTHS.includes(v as Health)

// asHealth reads an account's health, falling back on its status, then on
// "reconnect_needed": a value this window does not know asks the user to
// look rather than claiming all is well.
export function asHealth(health: unknown, status?: unknown): Health {
  if (isHealth(health)) return health
  if (isHealth(status)) return status
  return 'reconnect_needed'
}

export function healthTone(h: Health): Tone {
  return TONES[h]
}

// healthKey is the catalogue key of a health's badge; an expiring account
// with a known date has its own message ("… — {date}").
export function healthKey(h: Health, hasDate = false): string {
  return h === 'expiring' && hasDate ? 'accounts.health.expiringOn' : `accounts.health.${h}`
}

// The networks Ruche can connect from this screen.
export type ConnectNetwork = 'bluesky' | 'mastodon'
export const CONNECT_NETWORKS: readonly ConnectNetwork[] = ['mastodon', 'bluesky']

export function canConnect(network: string): network is ConnectNetwork {
  return CONNECT_NETWORKS.includes(network as ConnectNetwork)
}

export interface AccountActions {
  reconnect: boolean
  disconnect: boolean
  remove: boolean
  native: boolean
}

type Actionable = Pick<AccountView, 'network' | 'health' | 'status'> & {
  capabilities?: { nativeScheduling?: boolean } | null
}

// actionsFor says which actions a row offers. A demo account publishes
// nowhere: it can only be removed.
export function actionsFor(a: Actionable): AccountActions {
  const h = asHealth(a.health, a.status)
  if (h === 'demo') return { reconnect: false, disconnect: false, remove: true, native: false }
  return {
    reconnect: canConnect(a.network) && (h === 'reconnect_needed' || h === 'disconnected' || h === 'expiring'),
    disconnect: h !== 'disconnected',
    remove: true,
    native: a.network === 'mastodon' && a.capabilities?.nativeScheduling !== false,
  }
}

// Accounts that need the user come first, then the working ones, then the
// ones set aside.
const RANK: Record<Health, number> = { reconnect_needed: 0, keychain_locked: 1, expiring: 1, connected: 2, disconnected: 3, demo: 4 }

type Sortable = Pick<AccountView, 'network' | 'networkName' | 'handle' | 'health' | 'status'>

// sortAccounts returns a new list: by need of attention, then network name,
// then handle.
export function sortAccounts<T extends Sortable>(list: readonly T[]): T[] {
  const name = (a: T) => (a.networkName || networkName(a.network)).toLocaleLowerCase()
  return [...list].sort(
    (a, b) =>
      RANK[asHealth(a.health, a.status)] - RANK[asHealth(b.health, b.status)] ||
      name(a).localeCompare(name(b)) ||
      a.handle.toLocaleLowerCase().localeCompare(b.handle.toLocaleLowerCase()),
  )
}

const firstChar = (word: string): string => word.match(/[\p{L}\p{N}]/u)?.[0] ?? ''

// initials stands in for an avatar: the first letters of the first two
// words of the display name, else of the handle ("?" when neither has one).
export function initials(displayName: string, handle: string): string {
  const words = displayName.trim().split(/\s+/).filter((w) => firstChar(w) !== '')
  const letters = words.length > 0 ? words.slice(0, 2).map(firstChar) : [firstChar(handle.replace(/^@+/, ''))]
  return letters.join('').toLocaleUpperCase() || '?'
}

// avatarColor is a stable colour for a seed (an account's handle), dark
// enough for white initials.
export function avatarColor(seed: string): string {
  let h = 0
  for (const ch of seed.toLocaleLowerCase()) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) >>> 0
  return PILLAR_PALETTE[h % PILLAR_PALETTE.length]
}

const MARKS: Record<string, string> = {
  bluesky: 'B',
  mastodon: 'M',
  linkedin: 'in',
  x: 'X',
  threads: 'T',
  instagram: 'IG',
}

// networkMark is the small text logo of a network: a letter on its colour.
export function networkMark(network: string): { text: string; color: string } {
  return { text: MARKS[network] ?? (network.charAt(0).toUpperCase() || '?'), color: networkColor(network) }
}

// serverHost writes a server URL as its host ("https://piaille.fr" gives
// "piaille.fr"); anything that is not a URL comes back trimmed.
export function serverHost(server: string): string {
  const s = server.trim()
  if (!s.includes('://')) return s.replace(/\/+$/, '')
  try {
    const u = new URL(s)
    return u.host || s
  } catch {
    return s
  }
}

const isLoopback = (host: string) => host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]'

// instanceHost reads what the user typed as a Mastodon instance the way the
// backend does: "piaille.fr", "https://piaille.fr/", "fournil@piaille.fr"
// and "https://piaille.fr/@fournil" all give "piaille.fr". It returns ""
// when the text cannot be a server address.
export function instanceHost(input: string): string {
  let s = input.trim()
  if (s === '' || /\s/.test(s)) return ''
  if (!s.includes('://')) {
    const i = s.lastIndexOf('@')
    if (i >= 0) s = s.slice(i + 1)
    s = `https://${s}`
  }
  let u: URL
  try {
    u = new URL(s)
  } catch {
    return ''
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return ''
  const host = u.hostname.toLowerCase()
  if (host === '') return ''
  if (!isLoopback(host) && (!host.includes('.') || host.startsWith('.') || host.endsWith('.'))) return ''
  return u.port ? `${host}:${u.port}` : host
}

// A hint under the instance field: the server Ruche will use when it
// differs from what was typed, or that the text is no address at all.
export type InstanceHint = { kind: 'none' } | { kind: 'host'; host: string } | { kind: 'invalid' }

export function instanceHint(input: string): InstanceHint {
  const typed = input.trim()
  if (typed === '') return { kind: 'none' }
  const host = instanceHost(typed)
  if (host === '') return { kind: 'invalid' }
  return host === typed.toLowerCase() ? { kind: 'none' } : { kind: 'host', host }
}

// blueskyHandle is the handle to send: trimmed, without the leading "@"
// people often type.
export function blueskyHandle(input: string): string {
  return input.trim().replace(/^@+/, '')
}

// blueskySuggestion proposes the full handle when only a name was typed
// ("martin" gives "martin.bsky.social"); "" when there is nothing to propose.
export function blueskySuggestion(input: string): string {
  const h = blueskyHandle(input)
  return /^[a-z0-9][a-z0-9-]*$/i.test(h) ? `${h.toLowerCase()}.bsky.social` : ''
}

// Where a connect form shows an error: next to the field the user can fix,
// or at the foot of the form.
export type BlueskyField = 'handle' | 'password' | 'service' | 'form'
export type MastodonField = 'instance' | 'code' | 'form'
export type MastodonStep = 'start' | 'wait' | 'code'

const BLUESKY_FIELDS: Record<string, BlueskyField> = {
  'account.handle_required': 'handle',
  'account.handle_too_long': 'handle',
  'bluesky.handle_unresolved': 'handle',
  'bluesky.pds_unresolved': 'handle',
  'bluesky.wrong_password': 'password',
  'bluesky.two_factor': 'password',
  'bluesky.service_unreachable': 'service',
  'account.server_invalid': 'service',
}

export function blueskyErrorField(code: string): BlueskyField {
  return BLUESKY_FIELDS[code] ?? 'form'
}

const INSTANCE_CODES = new Set([
  'mastodon.address_invalid',
  'mastodon.not_mastodon',
  'mastodon.bad_answer',
  'mastodon.refused',
  'oauth.unreachable',
  'account.server_invalid',
])
const CODE_CODES = new Set(['oauth.exchange_failed', 'oauth.code_missing', 'oauth.authorization_failed'])

export function mastodonErrorField(code: string, step: MastodonStep): MastodonField {
  if (step === 'start') return INSTANCE_CODES.has(code) ? 'instance' : 'form'
  if (step === 'code') return CODE_CODES.has(code) ? 'code' : 'form'
  return 'form'
}

// A request to open the connect dialog: on the choice of network, or on
// one network's form prefilled to reconnect an account.
export interface ConnectRequest {
  network: ConnectNetwork | null
  handle: string
  instance: string
  // the name of the account being reconnected, "" for a new one
  reconnect: string
}

export const NEW_CONNECTION: ConnectRequest = { network: null, handle: '', instance: '', reconnect: '' }

// reconnectRequest prefills the form of an account's network with its
// handle or instance.
export function reconnectRequest(a: Pick<AccountView, 'network' | 'handle' | 'server' | 'displayName'>): ConnectRequest {
  const network = canConnect(a.network) ? a.network : null
  const handle = a.handle.trim().replace(/^@+/, '')
  let instance = ''
  if (network === 'mastodon') {
    instance = serverHost(a.server ?? '')
    if (instance === '' && handle.includes('@')) instance = handle.slice(handle.lastIndexOf('@') + 1)
  }
  return { network, handle: network === 'bluesky' ? handle : '', instance, reconnect: a.displayName || a.handle }
}
