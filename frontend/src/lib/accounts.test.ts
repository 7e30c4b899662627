import { describe, expect, it } from 'vitest'
import en from '../locales/en.json'
import fr from '../locales/fr.json'
import {
  actionsFor,
  asHealth,
  avatarColor,
  blueskyErrorField,
  blueskyHandle,
  blueskySuggestion,
  canConnect,
  HEALTHS,
  healthKey,
  healthTone,
  initials,
  instanceHint,
  instanceHost,
  mastodonErrorField,
  networkMark,
  reconnectRequest,
  serverHost,
  sortAccounts,
} from './accounts'
import { PILLAR_PALETTE } from './calendar'

const row = (network: string, health: string, handle = '@x', over: Record<string, unknown> = {}) => ({
  network,
  networkName: network === 'bluesky' ? 'Bluesky' : network === 'mastodon' ? 'Mastodon' : network,
  handle,
  health,
  status: health === 'expiring' ? 'connected' : health,
  capabilities: { nativeScheduling: network === 'mastodon' },
  ...over,
})

describe('health', () => {
  it('reads known healths and falls back on the status', () => {
    for (const h of HEALTHS) expect(asHealth(h)).toBe(h)
    expect(asHealth('', 'disconnected')).toBe('disconnected')
    expect(asHealth(undefined, 'demo')).toBe('demo')
  })

  it('asks for attention when nothing is known', () => {
    expect(asHealth('revoked', 'strange')).toBe('reconnect_needed')
    expect(asHealth(null)).toBe('reconnect_needed')
  })

  it('gives each health a tone and an existing message', () => {
    expect(HEALTHS.map(healthTone)).toEqual(['ok', 'warn', 'warn', 'bad', 'off', 'demo'])
    const has = (cat: Record<string, unknown>, key: string) =>
      key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], cat) !== undefined
    for (const h of HEALTHS) {
      expect(has(en, healthKey(h))).toBe(true)
      expect(has(fr, healthKey(h))).toBe(true)
    }
    expect(healthKey('expiring', true)).toBe('accounts.health.expiringOn')
    expect(healthKey('expiring', false)).toBe('accounts.health.expiring')
    expect(healthKey('connected', true)).toBe('accounts.health.connected')
  })
})

describe('actionsFor', () => {
  it('offers only Remove on a demo account', () => {
    expect(actionsFor(row('mastodon', 'demo'))).toEqual({ reconnect: false, disconnect: false, remove: true, native: false })
  })

  it('offers Reconnect when the access is lost, disconnected or ending', () => {
    expect(actionsFor(row('bluesky', 'connected')).reconnect).toBe(false)
    expect(actionsFor(row('bluesky', 'expiring')).reconnect).toBe(true)
    expect(actionsFor(row('bluesky', 'reconnect_needed')).reconnect).toBe(true)
    expect(actionsFor(row('mastodon', 'disconnected')).reconnect).toBe(true)
  })

  it('does not offer Reconnect on a network this screen cannot connect', () => {
    expect(actionsFor(row('linkedin', 'reconnect_needed')).reconnect).toBe(false)
    expect(canConnect('linkedin')).toBe(false)
    expect(canConnect('mastodon')).toBe(true)
  })

  it('offers Disconnect unless already disconnected', () => {
    expect(actionsFor(row('bluesky', 'connected')).disconnect).toBe(true)
    expect(actionsFor(row('bluesky', 'reconnect_needed')).disconnect).toBe(true)
    expect(actionsFor(row('bluesky', 'disconnected')).disconnect).toBe(false)
  })

  it('offers the native scheduling switch on Mastodon only', () => {
    expect(actionsFor(row('mastodon', 'connected')).native).toBe(true)
    expect(actionsFor(row('mastodon', 'connected', '@x', { capabilities: { nativeScheduling: false } })).native).toBe(false)
    expect(actionsFor(row('bluesky', 'connected')).native).toBe(false)
  })
})

describe('sortAccounts', () => {
  it('puts the accounts that need the user first, then by network and handle', () => {
    const list = [
      row('mastodon', 'connected', '@zoe'),
      row('bluesky', 'demo', '@demo'),
      row('bluesky', 'connected', '@Bob'),
      row('mastodon', 'disconnected', '@old'),
      row('bluesky', 'connected', '@alice'),
      row('mastodon', 'expiring', '@soon'),
      row('bluesky', 'reconnect_needed', '@lost'),
    ]
    const before = list.map((a) => a.handle)
    expect(sortAccounts(list).map((a) => a.handle)).toEqual(['@lost', '@soon', '@alice', '@Bob', '@zoe', '@old', '@demo'])
    expect(list.map((a) => a.handle)).toEqual(before)
  })
})

describe('initials and colours', () => {
  it('takes the first letters of the first two words', () => {
    expect(initials('Boulangerie Martin', '@x')).toBe('BM')
    expect(initials('  atelier  éole  du nord ', '@x')).toBe('AÉ')
    expect(initials('Camille', '@x')).toBe('C')
    expect(initials('« Le » Fournil', '@x')).toBe('LF')
  })

  it('falls back on the handle, then on a question mark', () => {
    expect(initials('', '@fournil@piaille.fr')).toBe('F')
    expect(initials('   ', 'martin.bsky.social')).toBe('M')
    expect(initials('🍞', '')).toBe('?')
  })

  it('gives a stable colour from the palette', () => {
    expect(avatarColor('@martin')).toBe(avatarColor('@MARTIN'))
    expect(PILLAR_PALETTE).toContain(avatarColor('@martin'))
    expect(PILLAR_PALETTE).toContain(avatarColor(''))
  })

  it('marks each network with text on its colour', () => {
    expect(networkMark('mastodon')).toEqual({ text: 'M', color: '#563acc' })
    expect(networkMark('bluesky').text).toBe('B')
    expect(networkMark('linkedin').text).toBe('in')
    expect(networkMark('zzz').text).toBe('Z')
  })
})

describe('addresses', () => {
  it('writes a server URL as its host', () => {
    expect(serverHost('https://piaille.fr')).toBe('piaille.fr')
    expect(serverHost('https://pds.example.com:8443/')).toBe('pds.example.com:8443')
    expect(serverHost('piaille.fr/')).toBe('piaille.fr')
    expect(serverHost('')).toBe('')
  })

  it('reads an instance as the backend does', () => {
    for (const typed of ['piaille.fr', ' https://piaille.fr/ ', '@fournil@piaille.fr', 'fournil@piaille.fr', 'https://piaille.fr/@fournil', 'PIAILLE.FR']) {
      expect(instanceHost(typed)).toBe('piaille.fr')
    }
    expect(instanceHost('http://localhost:3000')).toBe('localhost:3000')
    expect(instanceHost('mastodon')).toBe('')
    expect(instanceHost('masto don.social')).toBe('')
    expect(instanceHost('ftp://piaille.fr')).toBe('')
    expect(instanceHost('')).toBe('')
  })

  it('hints at the server used, or at a typing mistake', () => {
    expect(instanceHint('')).toEqual({ kind: 'none' })
    expect(instanceHint('piaille.fr')).toEqual({ kind: 'none' })
    expect(instanceHint('@fournil@piaille.fr')).toEqual({ kind: 'host', host: 'piaille.fr' })
    expect(instanceHint('piaille')).toEqual({ kind: 'invalid' })
  })

  it('cleans a Bluesky handle and proposes the full one', () => {
    expect(blueskyHandle('  @martin.bsky.social ')).toBe('martin.bsky.social')
    expect(blueskySuggestion('Martin')).toBe('martin.bsky.social')
    expect(blueskySuggestion('@martin')).toBe('martin.bsky.social')
    expect(blueskySuggestion('martin.bsky.social')).toBe('')
    expect(blueskySuggestion('')).toBe('')
    expect(blueskySuggestion('jean dupont')).toBe('')
  })
})

describe('where errors go', () => {
  it('puts Bluesky errors next to the field to fix', () => {
    expect(blueskyErrorField('bluesky.handle_unresolved')).toBe('handle')
    expect(blueskyErrorField('bluesky.wrong_password')).toBe('password')
    expect(blueskyErrorField('bluesky.two_factor')).toBe('password')
    expect(blueskyErrorField('bluesky.service_unreachable')).toBe('service')
    expect(blueskyErrorField('connect.keychain')).toBe('form')
    expect(blueskyErrorField('unknown')).toBe('form')
  })

  it('puts Mastodon errors next to the step to fix', () => {
    expect(mastodonErrorField('mastodon.not_mastodon', 'start')).toBe('instance')
    expect(mastodonErrorField('mastodon.address_invalid', 'start')).toBe('instance')
    expect(mastodonErrorField('connect.keychain', 'start')).toBe('form')
    expect(mastodonErrorField('oauth.access_denied', 'wait')).toBe('form')
    expect(mastodonErrorField('oauth.exchange_failed', 'code')).toBe('code')
    expect(mastodonErrorField('connect.flow_unknown', 'code')).toBe('form')
  })
})

describe('reconnectRequest', () => {
  it('prefills the handle of a Bluesky account', () => {
    expect(reconnectRequest({ network: 'bluesky', handle: '@martin.bsky.social', server: 'https://morel.host.bsky.network', displayName: 'Martin' })).toEqual({
      network: 'bluesky',
      handle: 'martin.bsky.social',
      instance: '',
      reconnect: 'Martin',
    })
  })

  it('prefills the instance of a Mastodon account, from its server or its handle', () => {
    expect(reconnectRequest({ network: 'mastodon', handle: '@fournil', server: 'https://piaille.fr', displayName: '' })).toEqual({
      network: 'mastodon',
      handle: '',
      instance: 'piaille.fr',
      reconnect: '@fournil',
    })
    expect(reconnectRequest({ network: 'mastodon', handle: '@fournil@piaille.fr', server: '', displayName: 'F' }).instance).toBe('piaille.fr')
  })
})
