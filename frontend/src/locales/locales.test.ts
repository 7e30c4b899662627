import { describe, expect, it } from 'vitest'
import en from './en.json'
import fr from './fr.json'

type Tree = { [k: string]: string | Tree }

// flatten turns the nested catalogue into "a.b.c" -> message.
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, v)
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
  }
  return out
}

const catalogues: Record<string, Map<string, string>> = { fr: flatten(fr), en: flatten(en) }

function placeholders(msg: string): string[] {
  return [...msg.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

describe('catalogues', () => {
  it('fr and en have exactly the same keys', () => {
    const frKeys = [...catalogues.fr.keys()].sort()
    const enKeys = [...catalogues.en.keys()].sort()
    expect(frKeys.filter((k) => !catalogues.en.has(k))).toEqual([])
    expect(enKeys.filter((k) => !catalogues.fr.has(k))).toEqual([])
  })

  for (const [lang, messages] of Object.entries(catalogues)) {
    it(`${lang} has no empty message`, () => {
      const empty = [...messages].filter(([, v]) => v.trim() === '').map(([k]) => k)
      expect(empty).toEqual([])
    })

    it(`${lang} uses no vue-i18n special character by accident`, () => {
      // "@" starts a linked message and "|" separates plural forms.
      const bad = [...messages].filter(([, v]) => /[@|$]/.test(v)).map(([k]) => k)
      expect(bad).toEqual([])
    })

    it(`${lang} uses typographic apostrophes and ellipses`, () => {
      const bad = [...messages].filter(([, v]) => v.includes("'") || v.includes('...')).map(([k]) => k)
      expect(bad).toEqual([])
    })
  }

  it('fr and en use the same placeholders', () => {
    const diff = [...catalogues.fr].filter(([k, v]) => placeholders(v).join() !== placeholders(catalogues.en.get(k) ?? '').join())
    expect(diff.map(([k]) => k)).toEqual([])
  })

  it('fr follows French typography', () => {
    const bad: string[] = []
    for (const [k, v] of catalogues.fr) {
      // a non-breaking space (U+00A0 or U+202F) before : ; ! ? and », after «
      if (/[^\u00a0\u202f][;!?»]/.test(v.replace(/\{\w+\}/g, 'x'))) bad.push(`${k}: missing space before ; ! ? »`)
      if (/[^\u00a0\u202f]:/.test(v)) bad.push(`${k}: missing space before :`)
      if (/«[^\u00a0\u202f]/.test(v)) bad.push(`${k}: missing space after «`)
      if (/"/.test(v)) bad.push(`${k}: straight quotes`)
    }
    expect(bad).toEqual([])
  })
})

describe('keys used in the sources', () => {
  const sources = import.meta.glob(['../**/*.vue', '../**/*.ts', '!../**/*.test.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>

  it('finds the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10)
  })

  it('every literal key exists in the catalogues', () => {
    const missing: string[] = []
    for (const [file, text] of Object.entries(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([\w.]+)'/g)) {
        if (!catalogues.en.has(m[1])) missing.push(`${file}: ${m[1]}`)
      }
      for (const m of text.matchAll(/\bkey:\s*'([\w.]+)'/g)) {
        if (!catalogues.en.has(m[1])) missing.push(`${file}: ${m[1]}`)
      }
    }
    expect(missing).toEqual([])
  })
})
