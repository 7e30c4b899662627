import { describe, expect, it } from 'vitest'
import { segments } from './highlight'
import { at, current, replace, underline, type Misspelling } from './spelling'

const m = (text: string, word: string, suggestions: string[] = []): Misspelling => {
  const start = text.indexOf(word)
  return { word, start, end: start + word.length, suggestions }
}

// joined shows the segments as text with [brackets] around the underlined runs.
const joined = (s: { text: string; misspelled: boolean }[]) => s.map((x) => (x.misspelled ? `[${x.text}]` : x.text)).join('')

describe('spelling marks', () => {
  it('underlines a word after an emoji, in UTF-16 offsets', () => {
    const text = 'Merci 🥐 pour l’acceuil !'
    // 🥐 is two UTF-16 units: the backend's offsets count it so.
    const r: Misspelling = { word: 'acceuil', start: 16, end: 23, suggestions: ['accueil'] }
    expect(text.slice(r.start, r.end)).toBe('acceuil')
    const got = underline(segments(text), current(text, [r]))
    expect(joined(got)).toBe('Merci 🥐 pour l’[acceuil] !')
    expect(got.map((s) => s.text).join('')).toBe(text)
  })

  it('splits hashtags and the part over the limit, keeping their kind', () => {
    const text = 'Vive #boulangrie et le pian'
    const ranges = current(text, [m(text, 'pian'), m(text, 'boulangrie')])
    const got = underline(segments(text, 25), ranges)
    expect(joined(got)).toBe('Vive #[boulangrie] et le [pi][an]')
    expect(got.find((s) => s.text === 'boulangrie')?.kind).toBe('hashtag')
    expect(got.filter((s) => s.misspelled).map((s) => s.over)).toEqual([false, false, true])
  })

  it('drops ranges the text no longer holds', () => {
    const old = m('Un acceuil chaleureux', 'acceuil')
    expect(current('Un accueil chaleureux', [old])).toEqual([])
    expect(current('Un acceuil chaleureux', [old])).toEqual([old])
    expect(current('Un', [old])).toEqual([])
  })

  it('applies a suggestion to the right range', () => {
    const text = '🥐 acceuil, puis acceuil encore'
    const second = { word: 'acceuil', start: text.lastIndexOf('acceuil'), end: text.lastIndexOf('acceuil') + 7, suggestions: ['accueil'] }
    expect(replace(text, second, 'accueil')).toEqual({ text: '🥐 acceuil, puis accueil encore', caret: second.end, changed: true })
    expect(replace('changed since', second, 'accueil').changed).toBe(false)
  })

  it('finds the word under the caret', () => {
    const text = 'Le pian est cuit'
    const r = [m(text, 'pian')]
    expect(at(r, 3)).toBe(r[0])
    expect(at(r, 7)).toBe(r[0])
    expect(at(r, 9)).toBeNull()
  })
})
