import { describe, expect, it } from 'vitest'
import { filterTimeZones, zoneAfterFilter, zoneLabel } from './timezones'

const zones = [
  'UTC',
  'Africa/Abidjan',
  'America/Argentina/Buenos_Aires',
  'America/Montreal',
  'America/New_York',
  'America/Port-au-Prince',
  'Europe/Brussels',
  'Europe/Paris',
  'Pacific/Noumea',
]

describe('filterTimeZones', () => {
  const cases: Array<{ name: string; q: string; keep?: string; want: string[] }> = [
    { name: 'empty query keeps all', q: '', want: zones },
    { name: 'blank query keeps all', q: '   ', want: zones },
    { name: 'city', q: 'paris', want: ['Europe/Paris'] },
    { name: 'case-insensitive', q: 'PARIS', want: ['Europe/Paris'] },
    { name: 'space for underscore', q: 'new york', want: ['America/New_York'] },
    { name: 'underscore typed', q: 'new_york', want: ['America/New_York'] },
    { name: 'slash', q: 'europe/', want: ['Europe/Brussels', 'Europe/Paris'] },
    { name: 'all words must match', q: 'america buenos', want: ['America/Argentina/Buenos_Aires'] },
    { name: 'hyphen', q: 'port au', want: ['America/Port-au-Prince'] },
    { name: 'accents ignored', q: 'Nouméa', want: ['Pacific/Noumea'] },
    { name: 'no match', q: 'atlantis', want: [] },
    { name: 'keep adds selected first', q: 'paris', keep: 'UTC', want: ['UTC', 'Europe/Paris'] },
    { name: 'keep not duplicated', q: 'europe', keep: 'Europe/Paris', want: ['Europe/Brussels', 'Europe/Paris'] },
    { name: 'keep with no match', q: 'atlantis', keep: 'Europe/Paris', want: ['Europe/Paris'] },
    { name: 'keep unknown to the list', q: '', keep: 'Etc/GMT+2', want: ['Etc/GMT+2', ...zones] },
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect(filterTimeZones(zones, c.q, c.keep)).toEqual(c.want)
    })
  }

  it('does not modify its input', () => {
    const copy = [...zones]
    filterTimeZones(copy, 'paris', 'UTC')
    expect(copy).toEqual(zones)
  })
})

describe('zoneAfterFilter', () => {
  const cases: Array<{ name: string; q: string; current: string; want: string }> = [
    { name: 'empty query keeps the current zone', q: '', current: 'Europe/Paris', want: 'Europe/Paris' },
    { name: 'current still matches', q: 'europe', current: 'Europe/Paris', want: 'Europe/Paris' },
    { name: 'first match otherwise', q: 'america', current: 'Europe/Paris', want: 'America/Argentina/Buenos_Aires' },
    { name: 'single match', q: 'new york', current: 'UTC', want: 'America/New_York' },
    { name: 'no match keeps the current zone', q: 'atlantis', current: 'UTC', want: 'UTC' },
    { name: 'current unknown to the list', q: 'paris', current: 'Etc/GMT+2', want: 'Europe/Paris' },
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect(zoneAfterFilter(zones, c.q, c.current)).toBe(c.want)
    })
  }
})

describe('zoneLabel', () => {
  const cases: Array<[string, string]> = [
    ['UTC', 'UTC'],
    ['Europe/Paris', 'Europe / Paris'],
    ['America/New_York', 'America / New York'],
    ['America/Argentina/Buenos_Aires', 'America / Argentina / Buenos Aires'],
  ]
  for (const [z, want] of cases) {
    it(`${z} -> ${want}`, () => {
      expect(zoneLabel(z)).toBe(want)
    })
  }
})
