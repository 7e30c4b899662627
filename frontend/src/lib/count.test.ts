import { describe, expect, it } from 'vitest'
import { findLinks, graphemes, measure, ruleFor, utf8Length, type CountRule } from './count'

const bluesky: CountRule = ruleFor('bluesky', { textLimit: 300, counting: 'graphemes', byteLimit: 3000, urlLength: 0 })
const mastodon: CountRule = ruleFor('mastodon', { textLimit: 500, counting: 'graphemes', byteLimit: 0, urlLength: 23 })
const x: CountRule = ruleFor('x', { textLimit: 280, counting: 'weighted', byteLimit: 0, urlLength: 23 })
const bytes: CountRule = { textLimit: 10, counting: 'bytes', byteLimit: 0, urlLength: 0 }
const tiny: CountRule = { textLimit: 5, counting: 'graphemes', byteLimit: 0, urlLength: 0 }

describe('graphemes', () => {
  const cases: Array<[string, number]> = [
    ['', 0],
    ['abc', 3],
    ['é', 1],
    ['e\u0301', 1],
    ['👍🏽', 1],
    ['🇫🇷', 1],
    ['👩‍👩‍👧', 1],
    ['Ça va ?', 7],
  ]
  for (const [s, want] of cases) {
    it(`${JSON.stringify(s)} -> ${want}`, () => {
      expect(graphemes(s)).toHaveLength(want)
    })
  }
})

describe('utf8Length', () => {
  const cases: Array<[string, number]> = [
    ['', 0],
    ['a', 1],
    ['é', 2],
    ['€', 3],
    ['👍', 4],
  ]
  for (const [s, want] of cases) {
    it(`${JSON.stringify(s)} -> ${want}`, () => {
      expect(utf8Length(s)).toBe(want)
    })
  }
})

describe('findLinks', () => {
  const cases: Array<{ name: string; text: string; relaxed?: boolean; want: string[] }> = [
    { name: 'none', text: 'no link here', want: [] },
    { name: 'https', text: 'see https://example.com/a?b=1 now', want: ['https://example.com/a?b=1'] },
    { name: 'trailing dot', text: 'go to https://ruche.app.', want: ['https://ruche.app'] },
    { name: 'in parentheses', text: '(https://ruche.app)', want: ['https://ruche.app'] },
    { name: 'two', text: 'http://a.fr et https://b.fr/x', want: ['http://a.fr', 'https://b.fr/x'] },
    { name: 'bare scheme', text: 'https:// nothing', want: [] },
    { name: 'bare domain not strict', text: 'example.com', want: [] },
    { name: 'bare domain relaxed', text: 'visit example.com/page!', relaxed: true, want: ['example.com/page'] },
    { name: 'e-mail not a link', text: 'me@example.com', relaxed: true, want: [] },
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect(findLinks(c.text, c.relaxed).map((s) => c.text.slice(s.start, s.end))).toEqual(c.want)
    })
  }
})

describe('measure', () => {
  const long = (n: number, ch = 'a') => ch.repeat(n)
  const cases: Array<{ name: string; text: string; rule: CountRule; used: number; bytes?: number; over: boolean; overAt?: number }> = [
    { name: 'empty', text: '', rule: bluesky, used: 0, bytes: 0, over: false, overAt: -1 },
    { name: 'bluesky at the limit', text: long(300), rule: bluesky, used: 300, over: false, overAt: -1 },
    { name: 'bluesky one over', text: long(301), rule: bluesky, used: 301, over: true, overAt: 300 },
    { name: 'bluesky counts graphemes', text: '👍🏽'.repeat(300), rule: bluesky, used: 300, bytes: 2400, over: false },
    { name: 'bluesky byte limit', text: '👩‍👩‍👧'.repeat(200), rule: bluesky, used: 200, bytes: 3600, over: true, overAt: 8 * 166 },
    { name: 'bluesky links as written', text: 'https://example.com/' + long(10), rule: bluesky, used: 30, over: false },
    { name: 'mastodon link counts 23', text: 'a https://example.com/' + long(100) + ' b', rule: mastodon, used: 27, over: false },
    { name: 'mastodon remote mention short', text: '@camille@piaille.fr salut', rule: mastodon, used: 14, over: false },
    { name: 'mastodon local mention', text: '@camille salut', rule: mastodon, used: 14, over: false },
    { name: 'x latin weighs 1', text: long(280), rule: x, used: 280, over: false },
    { name: 'x CJK weighs 2', text: '日本', rule: x, used: 4, over: false },
    { name: 'x emoji weighs 2', text: '👍🏽', rule: x, used: 2, over: false },
    { name: 'x flag weighs 2', text: '🇫🇷', rule: x, used: 2, over: false },
    { name: 'x bare domain counts 23', text: 'ruche.app', rule: x, used: 23, over: false },
    { name: 'x over', text: long(141, '日'), rule: x, used: 282, over: true, overAt: 140 },
    { name: 'x accents weigh 1', text: 'Café crème', rule: x, used: 10, over: false },
    { name: 'bytes rule', text: 'ééééé', rule: bytes, used: 10, over: false },
    { name: 'bytes rule over', text: 'éééééa', rule: bytes, used: 11, over: true, overAt: 5 },
    { name: 'overAt is a grapheme start', text: 'abcde👍🏽f', rule: tiny, used: 7, over: true, overAt: 5 },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const m = measure(c.text, c.rule)
      expect(m.used).toBe(c.used)
      expect(m.over).toBe(c.over)
      expect(m.limit).toBe(c.rule.textLimit)
      if (c.bytes !== undefined) expect(m.bytes).toBe(c.bytes)
      if (c.overAt !== undefined) expect(m.overAt).toBe(c.overAt)
    })
  }
})
