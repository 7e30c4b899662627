import { describe, expect, it } from 'vitest'
import { formatBytes, formatDate, formatTimeIn } from './format'

describe('formatBytes', () => {
  const cases: Array<[number, 'fr' | 'en', string]> = [
    [0, 'en', '0\u00a0bytes'],
    [512, 'fr', '512\u00a0octets'],
    [1500, 'en', '1.5\u00a0KB'],
    [1500, 'fr', '1,5\u00a0ko'],
    [1_234_567, 'fr', '1,2\u00a0Mo'],
    [1_234_567, 'en', '1.2\u00a0MB'],
    [5_000_000_000, 'en', '5\u00a0GB'],
    [-3, 'en', '0\u00a0bytes'],
    [Number.NaN, 'fr', '0\u00a0octets'],
  ]
  for (const [n, lang, want] of cases) {
    it(`${n} ${lang} -> ${want}`, () => {
      expect(formatBytes(n, lang)).toBe(want)
    })
  }
})

describe('formatDate', () => {
  const cases: Array<[string, 'fr' | 'en', string | undefined, string]> = [
    ['2025-11-23T15:00:00Z', 'fr', 'Europe/Paris', '23 novembre 2025'],
    ['2025-11-23T15:00:00Z', 'en', 'Europe/Paris', 'November 23, 2025'],
    ['2025-11-23T23:30:00Z', 'fr', 'Europe/Paris', '24 novembre 2025'],
    ['2025-11-23T15:00:00Z', 'fr', 'Not/AZone', new Intl.DateTimeFormat('fr', { dateStyle: 'long' }).format(new Date('2025-11-23T15:00:00Z'))],
    ['', 'fr', undefined, ''],
    ['yesterday', 'en', undefined, ''],
  ]
  for (const [iso, lang, zone, want] of cases) {
    it(`${iso || '(empty)'} ${lang} ${zone ?? ''}`, () => {
      expect(formatDate(iso, lang, zone)).toBe(want)
    })
  }
})

describe('formatTimeIn', () => {
  const d = new Date('2025-07-01T12:05:00Z')
  const cases: Array<['fr' | 'en', string, string | null]> = [
    ['fr', 'Europe/Paris', '14:05'],
    ['fr', 'UTC', '12:05'],
    ['en', 'America/New_York', '8:05\u202fAM'],
    ['fr', 'Not/AZone', null],
  ]
  for (const [lang, zone, want] of cases) {
    it(`${lang} ${zone} -> ${want}`, () => {
      const got = formatTimeIn(d, lang, zone)
      // ICU versions differ on the space before AM/PM.
      expect(got === null ? null : got.replace(/[\u202f\u00a0 ]/g, '\u202f')).toBe(want)
    })
  }
})
