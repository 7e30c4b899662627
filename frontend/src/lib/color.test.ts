import { describe, expect, it } from 'vitest'
import { accentPalette, contrastText, isHexColor, mix, safeColor } from './color'

describe('isHexColor', () => {
  const cases: Array<[unknown, boolean]> = [
    ['#f5a623', true],
    ['#F5A623', true],
    ['#000000', true],
    ['#fff', false],
    ['f5a623', false],
    ['#f5a6234', false],
    ['#g5a623', false],
    ['red', false],
    ['#f5a623; background:url(http://x)', false],
    ['#f5a623\n', false],
    ['', false],
    [null, false],
    [0xf5a623, false],
  ]
  for (const [v, want] of cases) {
    it(`${JSON.stringify(v)} -> ${want}`, () => {
      expect(isHexColor(v)).toBe(want)
    })
  }
})

describe('safeColor', () => {
  const cases: Array<[unknown, string | undefined, string]> = [
    ['#ABCDEF', undefined, '#abcdef'],
    ['#123456', '#000000', '#123456'],
    ['url(javascript:x)', undefined, '#f5a623'],
    [undefined, '#000000', '#000000'],
  ]
  for (const [v, fallback, want] of cases) {
    it(`${JSON.stringify(v)} -> ${want}`, () => {
      expect(fallback === undefined ? safeColor(v) : safeColor(v, fallback)).toBe(want)
    })
  }
})

describe('contrastText', () => {
  const cases: Array<[string, string]> = [
    ['#ffffff', '#1d1d1f'],
    ['#f5a623', '#1d1d1f'],
    ['#ffeb3b', '#1d1d1f'],
    ['#000000', '#ffffff'],
    ['#1e3a8a', '#ffffff'],
    ['#b42318', '#ffffff'],
  ]
  for (const [bg, want] of cases) {
    it(`${bg} -> ${want}`, () => {
      expect(contrastText(bg)).toBe(want)
    })
  }
})

describe('mix', () => {
  const cases: Array<[string, string, number, string]> = [
    ['#000000', '#ffffff', 0, '#000000'],
    ['#000000', '#ffffff', 1, '#ffffff'],
    ['#000000', '#ffffff', 0.5, '#808080'],
    ['#ff0000', '#0000ff', 0.5, '#800080'],
    ['#000000', '#ffffff', 2, '#ffffff'],
    ['#000000', '#ffffff', -1, '#000000'],
  ]
  for (const [a, b, t, want] of cases) {
    it(`${a} + ${b} @ ${t} -> ${want}`, () => {
      expect(mix(a, b, t)).toBe(want)
    })
  }
})

describe('accentPalette', () => {
  it('uses the brand colour and derives the rest', () => {
    const p = accentPalette('#1E3A8A')
    expect(p['--accent']).toBe('#1e3a8a')
    expect(p['--accent-contrast']).toBe('#ffffff')
    expect(p['--accent-strong']).toBe('#1e3a8a')
    expect(p['--accent-soft']).toMatch(/^#[0-9a-f]{6}$/)
  })
  it('falls back to the default for a hostile value', () => {
    const p = accentPalette('red;}body{display:none')
    expect(p['--accent']).toBe('#f5a623')
    for (const v of Object.values(p)) expect(v).toMatch(/^#[0-9a-f]{6}$/)
  })
  it('darkens a light brand colour for text', () => {
    expect(accentPalette('#ffeb3b')['--accent-strong']).not.toBe('#ffeb3b')
  })
})
