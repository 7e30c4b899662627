import { describe, expect, it } from 'vitest'
import { asLanguageSetting, asUiLanguage, pickLanguage } from './language'

describe('pickLanguage', () => {
  const cases: Array<[string | null | undefined, 'fr' | 'en']> = [
    ['fr', 'fr'],
    ['fr-FR', 'fr'],
    ['fr-CA', 'fr'],
    ['fr_BE', 'fr'],
    ['FR-ch', 'fr'],
    [' fr-FR ', 'fr'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['de-DE', 'en'],
    ['fur', 'en'],
    ['', 'en'],
    [null, 'en'],
    [undefined, 'en'],
  ]
  for (const [tag, want] of cases) {
    it(`${JSON.stringify(tag)} -> ${want}`, () => {
      expect(pickLanguage(tag)).toBe(want)
    })
  }
})

describe('asUiLanguage', () => {
  const cases: Array<[unknown, 'fr' | 'en', 'fr' | 'en']> = [
    ['fr', 'en', 'fr'],
    ['en', 'fr', 'en'],
    ['system', 'fr', 'fr'],
    ['de', 'en', 'en'],
    [undefined, 'fr', 'fr'],
    [3, 'en', 'en'],
  ]
  for (const [v, fallback, want] of cases) {
    it(`${JSON.stringify(v)} (fallback ${fallback}) -> ${want}`, () => {
      expect(asUiLanguage(v, fallback)).toBe(want)
    })
  }
})

describe('asLanguageSetting', () => {
  const cases: Array<[unknown, string]> = [
    ['system', 'system'],
    ['fr', 'fr'],
    ['en', 'en'],
    ['', 'system'],
    ['es', 'system'],
    [null, 'system'],
  ]
  for (const [v, want] of cases) {
    it(`${JSON.stringify(v)} -> ${want}`, () => {
      expect(asLanguageSetting(v)).toBe(want)
    })
  }
})
