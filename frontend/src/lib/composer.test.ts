import { describe, expect, it } from 'vitest'
import type { Account, Media, Post } from '../api/posts'
import {
  addMediaTo,
  applyThread,
  blocking,
  countsFor,
  draftFromPost,
  editVariant,
  effective,
  emptyDraft,
  fileName,
  mediaOf,
  missingAlt,
  parseCampaigns,
  relink,
  setTarget,
  toInput,
  unlink,
  type Draft,
} from './composer'

function account(id: string, network: string, over: Partial<Account['capabilities']> = {}): Account {
  return {
    id,
    network,
    networkName: network,
    handle: `@${id}`,
    displayName: id,
    status: 'connected',
    capabilities: {
      textLimit: 300,
      counting: 'graphemes',
      byteLimit: 0,
      urlLength: 0,
      maxMedia: 4,
      maxMediaBytes: 1_000_000,
      mediaTypes: ['image/png'],
      threads: true,
      firstComment: false,
      nativeScheduling: false,
      ...over,
    },
  }
}

const bsky = account('a-bsky', 'bluesky', { byteLimit: 3000 })
const masto = account('a-masto', 'mastodon', { textLimit: 500, urlLength: 23 })
const linkedin = account('a-li', 'linkedin', { textLimit: 3000, firstComment: true })
const accounts = [bsky, masto, linkedin]
const img = (path: string, alt = ''): Media => ({ path, alt, mime: 'image/png', size: 10, width: 1, height: 1 })

function draft(text = 'Bonjour'): Draft {
  const d = emptyDraft()
  d.master.text = text
  setTarget(d, linkedin, true, accounts)
  setTarget(d, bsky, true, accounts)
  return d
}

describe('setTarget', () => {
  it('keeps the account order and starts linked', () => {
    const d = draft()
    expect(d.selected).toEqual(['a-bsky', 'a-li'])
    expect(d.variants['a-bsky'].linked).toBe(true)
    expect(effective(d, 'a-bsky')?.text).toBe('Bonjour')
  })
  it('keeps an adapted variant aside when unticked', () => {
    const d = draft()
    editVariant(d, 'a-bsky', 'text', 'Salut')
    setTarget(d, bsky, false, accounts)
    expect(d.selected).toEqual(['a-li'])
    expect(toInput(d).variants.map((v) => v.accountId)).toEqual(['a-li'])
    setTarget(d, bsky, true, accounts)
    expect(effective(d, 'a-bsky')?.text).toBe('Salut')
  })
  it('ignores a repeated tick', () => {
    const d = draft()
    setTarget(d, bsky, true, accounts)
    expect(d.selected).toEqual(['a-bsky', 'a-li'])
  })
})

describe('linked variants', () => {
  const cases: Array<{ name: string; run: (d: Draft) => void; text: string; linked: boolean; master: string }> = [
    { name: 'follow the master', run: (d) => (d.master.text = 'Nouveau'), text: 'Nouveau', linked: true, master: 'Nouveau' },
    { name: 'an edit adapts', run: (d) => editVariant(d, 'a-bsky', 'text', 'Court'), text: 'Court', linked: false, master: 'Bonjour' },
    {
      name: 'an adapted variant no longer follows',
      run: (d) => {
        editVariant(d, 'a-bsky', 'text', 'Court')
        d.master.text = 'Autre'
      },
      text: 'Court',
      linked: false,
      master: 'Autre',
    },
    { name: 'an edit to the same value keeps the link', run: (d) => editVariant(d, 'a-bsky', 'text', 'Bonjour'), text: 'Bonjour', linked: true, master: 'Bonjour' },
    {
      name: 'relink follows again',
      run: (d) => {
        editVariant(d, 'a-bsky', 'text', 'Court')
        relink(d, 'a-bsky')
      },
      text: 'Bonjour',
      linked: true,
      master: 'Bonjour',
    },
    { name: 'unlink copies', run: (d) => unlink(d, 'a-bsky'), text: 'Bonjour', linked: false, master: 'Bonjour' },
    {
      name: 'a link edit adapts too',
      run: (d) => editVariant(d, 'a-bsky', 'link', 'https://ruche.app'),
      text: 'Bonjour',
      linked: false,
      master: 'Bonjour',
    },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const d = draft()
      c.run(d)
      expect(effective(d, 'a-bsky')?.text).toBe(c.text)
      expect(d.variants['a-bsky'].linked).toBe(c.linked)
      expect(d.master.text).toBe(c.master)
      expect(effective(d, 'a-li')?.text).toBe(c.master)
    })
  }
  it('has no variant for an unknown account', () => expect(effective(draft(), 'nope')).toBeNull())
})

describe('media', () => {
  it('the master tab edits the master list', () => {
    const d = draft()
    addMediaTo(mediaOf(d, null, true), [img('/a.png')])
    expect(effective(d, 'a-bsky')?.media.map((m) => m.path)).toEqual(['/a.png'])
  })
  it('a variant tab adapts the variant', () => {
    const d = draft()
    addMediaTo(mediaOf(d, null, true), [img('/a.png')])
    addMediaTo(mediaOf(d, 'a-bsky', true), [img('/b.png'), img('/a.png')])
    expect(effective(d, 'a-bsky')?.media.map((m) => m.path)).toEqual(['/a.png', '/b.png'])
    expect(effective(d, 'a-li')?.media.map((m) => m.path)).toEqual(['/a.png'])
  })
  it('lists media without alt text', () => {
    expect(missingAlt([img('/a.png'), img('/b.png', 'Une baguette'), img('/c.png', '  ')]).map((m) => m.path)).toEqual(['/a.png', '/c.png'])
  })
  const names: Array<[string, string]> = [
    ['/home/camille/pain.png', 'pain.png'],
    ['C:\\Users\\Camille\\pain.jpg', 'pain.jpg'],
    ['pain.png', 'pain.png'],
  ]
  for (const [p, want] of names) it(`fileName ${p}`, () => expect(fileName(p)).toBe(want))
})

describe('applyThread', () => {
  it('keeps the first part as the text', () => {
    const d = draft()
    applyThread(d, 'a-bsky', ['un', ' ', 'deux', 'trois'])
    expect(effective(d, 'a-bsky')).toMatchObject({ text: 'un', thread: ['deux', 'trois'], linked: false })
    expect(d.master.text).toBe('Bonjour')
  })
  it('ignores no parts', () => {
    const d = draft()
    applyThread(d, 'a-bsky', [])
    expect(d.variants['a-bsky'].linked).toBe(true)
  })
})

describe('parseCampaigns', () => {
  const cases: Array<[string, string[]]> = [
    ['', []],
    ['Noël', ['Noël']],
    ['Noël, Soldes,, noël ;  Été  2026 ', ['Noël', 'Soldes', 'Été 2026']],
  ]
  for (const [s, want] of cases) it(JSON.stringify(s), () => expect(parseCampaigns(s)).toEqual(want))
})

describe('toInput', () => {
  it('sends every selected variant with the master applied', () => {
    const d = draft('Bonjour #pain')
    d.master.link = ' https://ruche.app '
    d.pillar = ' Produits '
    d.campaigns = 'Noël, Soldes'
    d.authorNote = 'Relire'
    d.variants['a-li'].firstComment = 'Premier !'
    editVariant(d, 'a-bsky', 'text', 'Court')
    expect(toInput(d)).toEqual({
      authorNote: 'Relire',
      pillar: 'Produits',
      campaigns: ['Noël', 'Soldes'],
      variants: [
        { accountId: 'a-bsky', network: 'bluesky', text: 'Court', link: 'https://ruche.app', firstComment: '', thread: [], media: [] },
        { accountId: 'a-li', network: 'linkedin', text: 'Bonjour #pain', link: 'https://ruche.app', firstComment: 'Premier !', thread: [], media: [] },
      ],
    })
  })
})

describe('draftFromPost', () => {
  const post: Post = {
    id: 'p1',
    workspaceId: 'w1',
    status: 'draft',
    scheduledAt: '',
    localDate: '',
    localTime: '',
    zone: 'Europe/Paris',
    title: 'Bonjour',
    authorNote: 'note',
    pillar: 'Produits',
    campaigns: ['Noël', 'Soldes'],
    variants: [
      { accountId: 'a-li', network: 'linkedin', text: 'Bonjour', link: '', firstComment: 'c', thread: [], media: [img('/a.png', 'x')] },
      { accountId: 'a-bsky', network: 'bluesky', text: 'Court', link: '', firstComment: '', thread: ['suite'], media: [] },
      { accountId: 'a-masto', network: 'mastodon', text: 'Bonjour', link: '', firstComment: '', thread: [], media: [img('/a.png', 'x')], contentWarning: 'Gluten', visibility: 'unlisted' },
    ],
    deliveries: [],
    revision: 3,
    networks: ['linkedin', 'bluesky', 'mastodon'],
    heldBy: [],
  }
  it('rebuilds the master, the links and the order', () => {
    const d = draftFromPost(post, accounts)
    expect(d.master).toEqual({ text: 'Bonjour', link: '', media: [img('/a.png', 'x')] })
    expect(d.selected).toEqual(['a-bsky', 'a-masto', 'a-li'])
    expect(d.variants['a-masto'].linked).toBe(true)
    expect(d.variants['a-bsky'].linked).toBe(false)
    expect(d.variants['a-bsky'].thread).toEqual(['suite'])
    expect(d.campaigns).toBe('Noël, Soldes')
  })
  it('round-trips through toInput', () => {
    const input = toInput(draftFromPost(post, accounts))
    const byId = Object.fromEntries(input.variants.map((v) => [v.accountId, v]))
    for (const v of post.variants) expect(byId[v.accountId]).toEqual(v)
  })
  it('copes with a post without variants', () => {
    expect(draftFromPost({ ...post, variants: [] }, accounts).selected).toEqual([])
  })
})

describe('countsFor', () => {
  const d = draft('a'.repeat(301))
  it('measures locally while the backend has not answered', () => {
    const c = countsFor(d, accounts, null, false)
    expect(c['a-bsky']).toMatchObject({ used: 301, limit: 300, over: true, overAt: 300 })
    expect(c['a-li']).toMatchObject({ used: 301, limit: 3000, over: false, overAt: -1 })
  })
  it('prefers the backend when its answer is current', () => {
    const check = { counts: { 'a-bsky': { used: 299, limit: 300, bytes: 301, byteLimit: 3000, over: false } }, findings: [], canSave: true }
    expect(countsFor(d, accounts, check, true)['a-bsky']).toMatchObject({ used: 299, over: false, overAt: -1 })
    expect(countsFor(d, accounts, check, false)['a-bsky']).toMatchObject({ used: 301, over: true })
  })
})

describe('blocking', () => {
  it('keeps errors only', () => {
    const f = [
      { accountId: 'a', code: 'x', severity: 'warning', message: 'w' },
      { accountId: 'a', code: 'y', severity: 'error', message: 'e' },
    ]
    expect(blocking(f).map((x) => x.code)).toEqual(['y'])
    expect(blocking(null)).toEqual([])
  })
})
