import { describe, expect, it } from 'vitest'

// Names and other text may be hostile: the window only ever interpolates
// text. This guards the sources against the ways HTML gets built from strings.
describe('no HTML built from strings', () => {
  const sources = import.meta.glob(['./**/*.vue', './**/*.ts', '!./**/*.test.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  }) as Record<string, string>

  const forbidden: Array<[string, RegExp]> = [
    ['v-html', /\bv-html\b/],
    ['innerHTML', /\binnerHTML\b/],
    ['outerHTML', /\bouterHTML\b/],
    ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
    ['document.write', /\bdocument\.write/],
    ['eval', /\beval\s*\(/],
    ['new Function', /\bnew\s+Function\b/],
    ['render functions with innerHTML props', /\bh\s*\([^)]*innerHTML/],
  ]

  it('finds the sources', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(10)
  })

  for (const [name, re] of forbidden) {
    it(`uses no ${name}`, () => {
      const hits = Object.entries(sources)
        .filter(([, text]) => re.test(text))
        .map(([file]) => file)
      expect(hits).toEqual([])
    })
  }

  it('binds <img src> only through SafeImage', () => {
    const hits = Object.entries(sources)
      .filter(([file, text]) => file.endsWith('.vue') && !file.endsWith('/SafeImage.vue') && /<img\b/.test(text))
      .map(([file]) => file)
    expect(hits).toEqual([])
  })

  it('opens links only through openExternal (api/runtime.ts), which checks them', () => {
    const hits = Object.entries(sources)
      .filter(([file, text]) => file !== './api/runtime.ts' && /\bBrowserOpenURL\s*\(|\.BrowserOpenURL\b/.test(text))
      .map(([file]) => file)
    expect(hits).toEqual([])
  })

  it('imports the Wails bindings only from src/api', () => {
    const hits = Object.entries(sources)
      .filter(([file, text]) => !file.startsWith('./api/') && /wailsjs\//.test(text))
      .map(([file]) => file)
    expect(hits).toEqual([])
  })
})
