import { findLinks, type Span } from './count'

export type SegmentKind = 'text' | 'link' | 'hashtag' | 'mention'

// A Segment is a run of text the composer's mirror layer shows as one span
// (a text node with a class): never HTML.
export interface Segment {
  text: string
  kind: SegmentKind
  over: boolean // past the network's limit
}

// A hashtag needs a letter ("#2025" is not one); a mention is @user,
// @user@server or a Bluesky handle (@name.bsky.social).
const HASHTAG = /(?<![\p{L}\p{N}_&/#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu
const MENTION = /(?<![\p{L}\p{N}_/@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?/gu

interface Mark extends Span {
  kind: SegmentKind
}

// marks finds links, hashtags and mentions; a link wins over what it contains.
function marks(text: string): Mark[] {
  const out: Mark[] = findLinks(text).map((s) => ({ ...s, kind: 'link' as const }))
  const free = (s: Span) => !out.some((m) => s.start < m.end && m.start < s.end)
  for (const [re, kind] of [
    [HASHTAG, 'hashtag'],
    [MENTION, 'mention'],
  ] as const) {
    for (const m of text.matchAll(new RegExp(re))) {
      const span = { start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }
      if (free(span)) out.push({ ...span, kind })
    }
  }
  return out.sort((a, b) => a.start - b.start)
}

// segments cuts text into runs for the highlighting layer: plain text,
// links, hashtags and mentions, each split where the text goes over the
// limit (overAt, -1 when it does not).
export function segments(text: string, overAt = -1): Segment[] {
  const out: Segment[] = []
  const push = (from: number, to: number, kind: SegmentKind) => {
    if (to <= from) return
    const cut = overAt >= 0 ? Math.min(Math.max(overAt, from), to) : to
    if (cut > from) out.push({ text: text.slice(from, cut), kind, over: false })
    if (cut < to) out.push({ text: text.slice(cut, to), kind, over: true })
  }
  let pos = 0
  for (const m of marks(text)) {
    push(pos, m.start, 'text')
    push(m.start, m.end, m.kind)
    pos = m.end
  }
  push(pos, text.length, 'text')
  return out
}

// hashtags lists the distinct hashtags of a text, in order.
export function hashtags(text: string): string[] {
  return [...new Set(marks(text).filter((m) => m.kind === 'hashtag').map((m) => text.slice(m.start, m.end)))]
}
