import { describe, expect, it } from 'vitest'
import { hashtags, segments, type SegmentKind } from './highlight'

type Row = [string, SegmentKind, boolean?]

function rows(text: string, overAt?: number): Row[] {
  return segments(text, overAt).map((s) => (s.over ? [s.text, s.kind, true] : [s.text, s.kind]))
}

describe('segments', () => {
  const cases: Array<{ name: string; text: string; overAt?: number; want: Row[] }> = [
    { name: 'empty', text: '', want: [] },
    { name: 'plain', text: 'Bonjour', want: [['Bonjour', 'text']] },
    { name: 'hashtag', text: 'Vive le #pain !', want: [['Vive le ', 'text'], ['#pain', 'hashtag'], [' !', 'text']] },
    { name: 'accented hashtag', text: '#Boulangerie_Été', want: [['#Boulangerie_Été', 'hashtag']] },
    { name: 'number is no hashtag', text: 'n°#2025', want: [['n°#2025', 'text']] },
    { name: 'mention', text: 'merci @camille.', want: [['merci ', 'text'], ['@camille', 'mention'], ['.', 'text']] },
    { name: 'remote mention', text: '@anne@piaille.fr', want: [['@anne@piaille.fr', 'mention']] },
    { name: 'bluesky handle', text: 'cc @ruche.bsky.social', want: [['cc ', 'text'], ['@ruche.bsky.social', 'mention']] },
    { name: 'e-mail is no mention', text: 'ecrire@ruche.app', want: [['ecrire@ruche.app', 'text']] },
    {
      name: 'link wins over its anchor',
      text: 'https://ruche.app/#menu',
      want: [['https://ruche.app/#menu', 'link']],
    },
    {
      name: 'mixed',
      text: '#pain @anne https://a.fr',
      want: [['#pain', 'hashtag'], [' ', 'text'], ['@anne', 'mention'], [' ', 'text'], ['https://a.fr', 'link']],
    },
    { name: 'over in plain text', text: 'abcdef', overAt: 4, want: [['abcd', 'text'], ['ef', 'text', true]] },
    {
      name: 'over inside a hashtag',
      text: 'ab #cdef',
      overAt: 5,
      want: [['ab ', 'text'], ['#c', 'hashtag'], ['def', 'hashtag', true]],
    },
    { name: 'over from the start', text: 'ab', overAt: 0, want: [['ab', 'text', true]] },
    { name: 'hostile text stays text', text: '<img src=x onerror=alert(1)>', want: [['<img src=x onerror=alert(1)>', 'text']] },
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect(rows(c.text, c.overAt)).toEqual(c.want)
      expect(segments(c.text, c.overAt).map((s) => s.text).join('')).toBe(c.text)
    })
  }
})

describe('hashtags', () => {
  const cases: Array<[string, string[]]> = [
    ['', []],
    ['#a #b #a', ['#a', '#b']],
    ['https://x.fr/#a #b', ['#b']],
  ]
  for (const [text, want] of cases) {
    it(JSON.stringify(text), () => {
      expect(hashtags(text)).toEqual(want)
    })
  }
})
