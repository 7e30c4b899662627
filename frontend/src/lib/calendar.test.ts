import { describe, expect, it } from 'vitest'
import type { CalendarView, Post } from '../api/posts'
import {
  assignPillars,
  asStatus,
  legendOf,
  pillarsOf,
  shortTime,
  asViewType,
  networkName,
  dropTime,
  eventsOf,
  firstDay,
  isLocked,
  localParts,
  missedOf,
  normalizeSlots,
  NO_PILLAR_COLOR,
  pillarColor,
  postColor,
  postEvent,
  visibleDays,
  weekdayName,
  weekdays,
} from './calendar'

function post(over: Partial<Post> = {}): Post {
  return {
    id: 'p1',
    workspaceId: 'w1',
    status: 'scheduled',
    scheduledAt: '2025-11-24T09:00:00Z',
    localDate: '2025-11-24',
    localTime: '10:00',
    zone: 'Europe/Paris',
    title: 'Pain du jour',
    authorNote: '',
    pillar: 'Produits',
    campaigns: [],
    variants: [],
    deliveries: [],
    revision: 1,
    networks: ['bluesky'],
    heldBy: [],
    ...over,
  }
}

describe('asViewType', () => {
  const cases: Array<[unknown, string]> = [
    ['timeGridWeek', 'timeGridWeek'],
    ['listWeek', 'listWeek'],
    ['resourceTimeline', 'dayGridMonth'],
    [undefined, 'dayGridMonth'],
  ]
  for (const [v, want] of cases) it(`${String(v)} -> ${want}`, () => expect(asViewType(v)).toBe(want))
})

describe('assignPillars', () => {
  const cases: Array<{ name: string; known: Record<string, number>; add: string[]; want: Record<string, number> }> = [
    { name: 'first sight in order', known: {}, add: ['Produits', 'Coulisses', 'produits', ' '], want: { produits: 0, coulisses: 1 } },
    { name: 'keeps what is known', known: { conseils: 2 }, add: ['Produits', 'Conseils'], want: { conseils: 2, produits: 0 } },
    { name: 'fills the gaps first', known: { a: 0, c: 2 }, add: ['B', 'D'], want: { a: 0, c: 2, b: 1, d: 3 } },
    {
      name: 'goes round once the palette is full',
      known: { a: 0, b: 1, c: 2, d: 3, e: 4, f: 5, g: 6, h: 7 },
      add: ['I', 'J'],
      want: { a: 0, b: 1, c: 2, d: 3, e: 4, f: 5, g: 6, h: 7, i: 0, j: 1 },
    },
  ]
  for (const c of cases) it(c.name, () => expect(assignPillars(c.known, c.add)).toEqual(c.want))
  it('returns the same map when nothing is new', () => {
    const known = { produits: 0 }
    expect(assignPillars(known, ['Produits'])).toBe(known)
  })
  it('gives four pillars four colours', () => {
    const m = assignPillars({}, ['Produits', 'Coulisses', 'Événements', 'Conseils'])
    expect(new Set(['Produits', 'Coulisses', 'Événements', 'Conseils'].map((p) => pillarColor(p, m))).size).toBe(4)
  })
})

describe('shortTime', () => {
  const cases: Array<[string, 'fr' | 'en', string]> = [
    ['09:00', 'fr', '9h'],
    ['17:45', 'fr', '17h45'],
    ['00:05', 'fr', '0h05'],
    ['09:00', 'en', '9a'],
    ['17:45', 'en', '5:45p'],
    ['12:00', 'en', '12p'],
    ['00:30', 'en', '12:30a'],
    ['9:00', 'en', ''],
  ]
  for (const [t, lang, want] of cases) it(`${t} ${lang} -> ${want}`, () => expect(shortTime(t, lang)).toBe(want))
})

describe('legendOf', () => {
  const view: CalendarView = {
    zone: 'Europe/Paris',
    from: '2025-11-24',
    to: '2025-11-25',
    days: [
      {
        date: '2025-11-24',
        posts: [
          post({ pillar: 'Produits', networks: ['bluesky', 'mastodon'] }),
          post({ pillar: '', networks: ['bluesky'] }),
          post({ pillar: 'Coulisses', networks: ['linkedin'] }),
        ],
      },
    ],
  }
  it('lists pillars, the unnamed last', () => expect(legendOf(view, 'pillar').map((l) => l.key)).toEqual(['Coulisses', 'Produits', '']))
  it('lists networks', () =>
    expect(legendOf(view, 'network')).toEqual([
      { key: 'bluesky', color: '#0866d6' },
      { key: 'linkedin', color: '#004182' },
      { key: 'mastodon', color: '#563acc' },
    ]))
  it('lists pillar names', () => expect(pillarsOf(view)).toEqual(['Produits', 'Coulisses']))
})

describe('pillarColor', () => {
  it('uses the assigned colour', () => expect(pillarColor('Produits', { produits: 2 })).toBe('#177a45'))
  it('is stable and case-insensitive', () => {
    expect(pillarColor('Produits')).toBe(pillarColor(' produits '))
    expect(pillarColor('Produits')).toMatch(/^#[0-9a-f]{6}$/)
  })
  it('greys a post without pillar', () => expect(pillarColor('  ')).toBe(NO_PILLAR_COLOR))
  it('spreads a few pillars over several colours', () => {
    const colours = new Set(['Produits', 'Coulisses', 'Événements', 'Conseils', 'Équipe'].map((p) => pillarColor(p)))
    expect(colours.size).toBeGreaterThanOrEqual(3)
  })
})

describe('postColor', () => {
  const cases: Array<{ name: string; p: Partial<Post>; by: 'pillar' | 'network'; want: string }> = [
    { name: 'by network', p: { networks: ['mastodon', 'bluesky'] }, by: 'network', want: '#563acc' },
    { name: 'unknown network', p: { networks: ['myspace'] }, by: 'network', want: NO_PILLAR_COLOR },
    { name: 'no network', p: { networks: [] }, by: 'network', want: NO_PILLAR_COLOR },
    { name: 'by pillar', p: { pillar: 'Produits' }, by: 'pillar', want: pillarColor('Produits') },
  ]
  for (const c of cases) it(c.name, () => expect(postColor(post(c.p), c.by)).toBe(c.want))
})

describe('networkName and asStatus', () => {
  const names: Array<[string, string]> = [
    ['linkedin', 'LinkedIn'],
    ['x', 'X'],
    ['myspace', 'myspace'],
  ]
  for (const [n, want] of names) it(`${n} -> ${want}`, () => expect(networkName(n)).toBe(want))
  const statuses: Array<[string, string]> = [
    ['in_review', 'in_review'],
    ['paused', 'paused'],
    ['exploded', 'draft'],
  ]
  for (const [s, want] of statuses) it(`${s} -> ${want}`, () => expect(asStatus(s)).toBe(want))
})

describe('isLocked', () => {
  const cases: Array<[string, boolean]> = [
    ['published', true],
    ['publishing', true],
    ['scheduled', false],
    ['paused', false],
    ['failed', false],
    ['missed', false],
  ]
  for (const [s, want] of cases) it(`${s} -> ${want}`, () => expect(isLocked(s)).toBe(want))
})

describe('postEvent', () => {
  it('starts at the local date and time, in the calendar zone', () => {
    const e = postEvent(post(), '2025-11-24', 'network')
    expect(e).toMatchObject({
      id: 'p1',
      title: 'Pain du jour',
      start: '2025-11-24T10:00:00',
      allDay: false,
      editable: true,
      backgroundColor: '#0866d6',
      textColor: '#ffffff',
      classNames: ['ruche-post', 'status-scheduled'],
      extendedProps: { postId: 'p1', date: '2025-11-24', time: '10:00', status: 'scheduled' },
    })
  })
  it('locks a published post', () => expect(postEvent(post({ status: 'published' }), '', 'pillar')?.editable).toBe(false))
  it('uses the bucket day when the post has none', () =>
    expect(postEvent(post({ localDate: '' }), '2025-11-25', 'pillar')?.start).toBe('2025-11-25T10:00:00'))
  it('skips a post without a time', () => expect(postEvent(post({ localTime: '' }), '2025-11-24', 'pillar')).toBeNull())
  it('keeps a hostile status out of the class names', () =>
    expect(postEvent(post({ status: 'x" onclick="y' }), '', 'pillar')?.classNames[1]).toBe('status-xonclicky'))
})

describe('eventsOf and missedOf', () => {
  const view: CalendarView = {
    zone: 'Europe/Paris',
    from: '2025-11-24',
    to: '2025-11-26',
    days: [
      { date: '2025-11-24', posts: [post(), post({ id: 'p2', status: 'missed' })] },
      { date: '2025-11-25', posts: [post({ id: 'p3', localDate: '2025-11-25', status: 'missed' })] },
    ],
  }
  it('lists every post', () => expect(eventsOf(view, 'pillar').map((e) => e.id)).toEqual(['p1', 'p2', 'p3']))
  it('lists missed posts', () => expect(missedOf(view).map((p) => p.id)).toEqual(['p2', 'p3']))
  it('copes with nothing', () => {
    expect(eventsOf(null, 'pillar')).toEqual([])
    expect(missedOf({ ...view, days: null as unknown as [] })).toEqual([])
  })
})

describe('localParts', () => {
  const cases: Array<[string, { date: string; time: string } | null]> = [
    ['2025-11-24T10:30:00+01:00', { date: '2025-11-24', time: '10:30' }],
    ['2025-11-24T23:45:00-05:00', { date: '2025-11-24', time: '23:45' }],
    ['2025-11-24T00:00:00Z', { date: '2025-11-24', time: '00:00' }],
    ['2025-11-24', { date: '2025-11-24', time: '' }],
    ['', null],
    ['24/11/2025', null],
  ]
  for (const [iso, want] of cases) it(`${iso || '(empty)'}`, () => expect(localParts(iso)).toEqual(want))
})

describe('visibleDays', () => {
  const cases: Array<[string, string, { from: string; to: string } | null]> = [
    ['2025-10-27T00:00:00+01:00', '2025-12-08T00:00:00+01:00', { from: '2025-10-27', to: '2025-12-08' }],
    ['2025-11-24', '2025-11-25', { from: '2025-11-24', to: '2025-11-25' }],
    ['bad', '2025-11-25', null],
  ]
  for (const [a, b, want] of cases) it(`${a} .. ${b}`, () => expect(visibleDays(a, b)).toEqual(want))
})

describe('dropTime', () => {
  const cases: Array<{ name: string; date: string; now: { date: string; time: string }; want: string }> = [
    { name: 'a later day', date: '2025-11-25', now: { date: '2025-11-24', time: '15:10' }, want: '09:00' },
    { name: 'today early', date: '2025-11-24', now: { date: '2025-11-24', time: '07:10' }, want: '09:00' },
    { name: 'today after 9', date: '2025-11-24', now: { date: '2025-11-24', time: '15:10' }, want: '16:00' },
    { name: 'today at 9', date: '2025-11-24', now: { date: '2025-11-24', time: '09:00' }, want: '10:00' },
    { name: 'today late', date: '2025-11-24', now: { date: '2025-11-24', time: '23:20' }, want: '23:59' },
    { name: 'a past day', date: '2025-11-20', now: { date: '2025-11-24', time: '15:10' }, want: '09:00' },
  ]
  for (const c of cases) it(c.name, () => expect(dropTime(c.date, c.now)).toBe(c.want))
})

describe('weeks', () => {
  it('starts on Monday in French, Sunday in English', () => {
    expect(firstDay('fr')).toBe(1)
    expect(firstDay('en')).toBe(0)
    expect(weekdays('fr')).toEqual([1, 2, 3, 4, 5, 6, 0])
    expect(weekdays('en')).toEqual([0, 1, 2, 3, 4, 5, 6])
  })
  const names: Array<[number, 'fr' | 'en', string]> = [
    [0, 'fr', 'Dimanche'],
    [1, 'fr', 'Lundi'],
    [6, 'en', 'Saturday'],
    [7, 'en', 'Sunday'],
  ]
  for (const [d, lang, want] of names) it(`${d} ${lang} -> ${want}`, () => expect(weekdayName(d, lang)).toBe(want))
})

describe('normalizeSlots', () => {
  const cases: Array<{ name: string; lang: 'fr' | 'en'; in: Array<{ weekday: number; time: string }>; want: Array<{ weekday: number; time: string }> }> = [
    { name: 'empty', lang: 'fr', in: [], want: [] },
    {
      name: 'Monday first in French',
      lang: 'fr',
      in: [
        { weekday: 0, time: '10:00' },
        { weekday: 1, time: '18:00' },
        { weekday: 1, time: '09:00' },
      ],
      want: [
        { weekday: 1, time: '09:00' },
        { weekday: 1, time: '18:00' },
        { weekday: 0, time: '10:00' },
      ],
    },
    {
      name: 'Sunday first in English',
      lang: 'en',
      in: [
        { weekday: 1, time: '09:00' },
        { weekday: 0, time: '10:00' },
      ],
      want: [
        { weekday: 0, time: '10:00' },
        { weekday: 1, time: '09:00' },
      ],
    },
    {
      name: 'drops duplicates and invalid slots',
      lang: 'fr',
      in: [
        { weekday: 2, time: '09:00' },
        { weekday: 2, time: '09:00' },
        { weekday: 7, time: '09:00' },
        { weekday: 3, time: '9:00' },
        { weekday: 3, time: '' },
      ],
      want: [{ weekday: 2, time: '09:00' }],
    },
  ]
  for (const c of cases) it(c.name, () => expect(normalizeSlots(c.in, c.lang)).toEqual(c.want))
})

describe('held posts', () => {
  it('carry the networks holding them to the event', () => {
    const e = postEvent(post({ heldBy: ['mastodon'] }), '2025-11-24', 'network')
    expect(e?.extendedProps.held).toEqual(['mastodon'])
    expect(postEvent(post(), '2025-11-24', 'network')?.extendedProps.held).toEqual([])
  })
})
