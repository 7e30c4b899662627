import { describe, expect, it } from 'vitest'
import {
  addDays,
  formatInstant,
  formatLocalDate,
  formatLocalTime,
  fromInstant,
  isLocalDate,
  isLocalTime,
  isZone,
  nowIn,
  offsetLabel,
  toInstant,
} from './datetime'

// ICU versions differ on the space before AM/PM.
const spaces = (s: string) => s.replace(/[\u202f\u00a0 ]/g, ' ')

describe('isLocalDate / isLocalTime', () => {
  const dates: Array<[unknown, boolean]> = [
    ['2025-11-24', true],
    ['2025-13-01', false],
    ['2025-02-30', true], // shape only: the backend checks the calendar
    ['25-11-24', false],
    ['2025-11-24T10:00', false],
    [null, false],
  ]
  for (const [v, want] of dates) it(`date ${JSON.stringify(v)} -> ${want}`, () => expect(isLocalDate(v)).toBe(want))
  const times: Array<[unknown, boolean]> = [
    ['00:00', true],
    ['23:59', true],
    ['24:00', false],
    ['9:30', false],
    ['09:60', false],
    ['', false],
  ]
  for (const [v, want] of times) it(`time ${JSON.stringify(v)} -> ${want}`, () => expect(isLocalTime(v)).toBe(want))
})

describe('isZone', () => {
  const cases: Array<[string, boolean]> = [
    ['Europe/Paris', true],
    ['UTC', true],
    ['America/St_Johns', true],
    ['Not/AZone', false],
    ['', false],
  ]
  for (const [z, want] of cases) it(`${z || '(empty)'} -> ${want}`, () => expect(isZone(z)).toBe(want))
})

describe('nowIn', () => {
  const at = new Date('2025-11-23T23:30:00Z')
  const cases: Array<[string, string, string]> = [
    ['Europe/Paris', '2025-11-24', '00:30'],
    ['America/New_York', '2025-11-23', '18:30'],
    ['UTC', '2025-11-23', '23:30'],
  ]
  for (const [zone, date, time] of cases) {
    it(zone, () => expect(nowIn(zone, at)).toEqual({ date, time }))
  }
})

describe('toInstant', () => {
  const cases: Array<{ name: string; date: string; time: string; zone: string; want: string }> = [
    { name: 'winter Paris', date: '2025-11-24', time: '10:00', zone: 'Europe/Paris', want: '2025-11-24T09:00:00Z' },
    { name: 'summer Paris', date: '2025-07-01', time: '10:00', zone: 'Europe/Paris', want: '2025-07-01T08:00:00Z' },
    { name: 'spring-forward gap moves forward', date: '2027-03-28', time: '02:30', zone: 'Europe/Paris', want: '2027-03-28T01:30:00Z' },
    { name: 'New York', date: '2027-03-14', time: '09:00', zone: 'America/New_York', want: '2027-03-14T13:00:00Z' },
    { name: 'bad date', date: '2025-13-01', time: '10:00', zone: 'UTC', want: '' },
    { name: 'bad time', date: '2025-11-24', time: '25:00', zone: 'UTC', want: '' },
    { name: 'bad zone', date: '2025-11-24', time: '10:00', zone: 'Not/AZone', want: '' },
  ]
  for (const c of cases) it(c.name, () => expect(toInstant(c.date, c.time, c.zone)).toBe(c.want))
})

describe('fromInstant', () => {
  const cases: Array<[string, string, { date: string; time: string } | null]> = [
    ['2025-11-24T09:00:00Z', 'Europe/Paris', { date: '2025-11-24', time: '10:00' }],
    ['2025-11-24T23:30:00Z', 'Europe/Paris', { date: '2025-11-25', time: '00:30' }],
    ['2025-11-24T10:00:00+01:00', 'UTC', { date: '2025-11-24', time: '09:00' }],
    ['', 'UTC', null],
    ['tomorrow', 'UTC', null],
    ['2025-11-24T09:00:00Z', 'Not/AZone', null],
  ]
  for (const [iso, zone, want] of cases) it(`${iso || '(empty)'} ${zone}`, () => expect(fromInstant(iso, zone)).toEqual(want))
})

describe('offsetLabel', () => {
  const winter = new Date('2025-01-15T12:00:00Z')
  const cases: Array<[string, string]> = [
    ['Europe/Paris', 'UTC+1'],
    ['America/New_York', 'UTC\u22125'],
    ['Asia/Kolkata', 'UTC+5:30'],
    ['UTC', 'UTC'],
    ['Not/AZone', ''],
  ]
  for (const [zone, want] of cases) it(`${zone} -> ${want}`, () => expect(offsetLabel(zone, winter)).toBe(want))
})

describe('formatting', () => {
  const cases: Array<[string, string]> = [
    [formatLocalDate('2025-11-24', 'fr'), 'lundi 24 novembre 2025'],
    [formatLocalDate('2025-11-24', 'en'), 'Monday, November 24, 2025'],
    [formatLocalDate('nope', 'en'), ''],
    [formatLocalTime('14:30', 'fr'), '14:30'],
    [spaces(formatLocalTime('14:30', 'en')), '2:30 PM'],
    [formatLocalTime('7', 'en'), ''],
    [formatInstant('2025-11-24T23:30:00Z', 'fr', 'Europe/Paris'), '25 nov. 2025 00:30'],
    [formatInstant('', 'fr', 'Europe/Paris'), ''],
  ]
  cases.forEach(([got, want], i) => it(`case ${i}: ${want}`, () => expect(got).toBe(want)))
})

describe('addDays', () => {
  const cases: Array<[string, number, string]> = [
    ['2025-11-24', 1, '2025-11-25'],
    ['2025-11-30', 1, '2025-12-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2027-03-27', 1, '2027-03-28'],
    ['2025-01-01', -1, '2024-12-31'],
    ['nope', 1, ''],
  ]
  for (const [d, n, want] of cases) it(`${d} + ${n}`, () => expect(addDays(d, n)).toBe(want))
})
