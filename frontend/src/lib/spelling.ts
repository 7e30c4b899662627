// The composer's spelling marks: pure functions over the backend's
// misspellings (Composer.Spelling), whose offsets are UTF-16 code units,
// as JavaScript strings count.
import type { Segment } from './highlight'

export interface Misspelling {
  word: string
  start: number // UTF-16 offset, inclusive
  end: number // UTF-16 offset, exclusive
  suggestions: string[]
}

// The language of a text as the backend detects it.
export type TextLanguage = 'fr' | 'en' | 'other'

export interface TextCheck {
  language: TextLanguage | string
  ready: boolean
  misspellings: Misspelling[]
  // Hashtags the workspace used before with success, those the text speaks
  // of (related) first.
  tags?: { tag: string; related: boolean }[]
}

// A SpellSegment is a highlight segment, underlined when misspelled.
export interface SpellSegment extends Segment {
  misspelled: boolean
}

// current keeps the misspellings that still hold in text: a check answers
// for the text of a moment ago, and the user may have typed since. Ranges
// are sorted and do not overlap.
export function current(text: string, list: readonly Misspelling[]): Misspelling[] {
  const out: Misspelling[] = []
  let last = 0
  for (const m of [...list].sort((a, b) => a.start - b.start)) {
    if (m.start < last || m.end <= m.start || m.end > text.length) continue
    if (text.slice(m.start, m.end) !== m.word) continue
    out.push(m)
    last = m.end
  }
  return out
}

// underline cuts the highlight segments at the edges of the misspelled
// ranges and marks the runs inside them. ranges must be current (sorted,
// disjoint, within the text the segments cover).
export function underline(segs: readonly Segment[], ranges: readonly Misspelling[]): SpellSegment[] {
  const out: SpellSegment[] = []
  let pos = 0 // where the segment at hand starts in the text
  for (const s of segs) {
    const end = pos + s.text.length
    let from = pos
    for (const r of ranges) {
      if (r.end <= from || r.start >= end) continue
      const a = Math.max(r.start, from)
      const b = Math.min(r.end, end)
      if (a > from) out.push({ ...s, text: s.text.slice(from - pos, a - pos), misspelled: false })
      out.push({ ...s, text: s.text.slice(a - pos, b - pos), misspelled: true })
      from = b
    }
    if (from < end) out.push({ ...s, text: s.text.slice(from - pos), misspelled: false })
    pos = end
  }
  return out
}

// replace puts suggestion in place of the misspelled word m. When the text
// no longer holds m.word there, it is returned unchanged (changed false).
// caret is where the cursor goes: after the suggestion.
export function replace(text: string, m: Misspelling, suggestion: string): { text: string; caret: number; changed: boolean } {
  if (text.slice(m.start, m.end) !== m.word) return { text, caret: m.start, changed: false }
  return { text: text.slice(0, m.start) + suggestion + text.slice(m.end), caret: m.start + suggestion.length, changed: true }
}

// at returns the misspelling under the caret (touching either edge), or
// null.
export function at(ranges: readonly Misspelling[], caret: number): Misspelling | null {
  return ranges.find((m) => caret >= m.start && caret <= m.end) ?? null
}
