// Local, instant measures of a text by a network's own rule, mirroring
// backend/network/count.go. The backend's Check is authoritative: these only
// give feedback between two keystrokes and its answer.

// The part of an account's capabilities that counting needs.
export interface CountRule {
  textLimit: number
  counting: string // "graphemes", "weighted" or "bytes"
  byteLimit: number // 0: none
  urlLength: number // every link counts this much; 0: as written
  shortMentions?: boolean // @user@server counts as @user (Mastodon)
}

export interface Measure {
  used: number
  limit: number
  bytes: number
  byteLimit: number
  over: boolean
  // overAt is the UTF-16 index of the first unit past a limit, or -1.
  overAt: number
}

const encoder = new TextEncoder()

export function utf8Length(s: string): number {
  return encoder.encode(s).length
}

let segmenter: Intl.Segmenter | null = null

// graphemes splits s into what a reader sees as characters ("é", "👍🏽",
// "🇫🇷" are one each).
export function graphemes(s: string): string[] {
  if (s === '') return []
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    return Array.from(segmenter.segment(s), (x) => x.segment)
  }
  return Array.from(s)
}

// A web link as Mastodon and Bluesky see it: http or https only, without
// trailing punctuation.
const WEB_URL = /https?:\/\/[^\s<>"'«»]+/giu
// X also counts bare domains ("example.com/page") as links.
const RELAXED_URL =
  /(?<![@\w.-])(?:https?:\/\/[^\s<>"'«»]+|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|fr|io|co|be|ch|ca|de|eu|uk|app|dev|info|me|tv|ly|social)\b(?:[/?#][^\s<>"'«»]*)?)/giu
const REMOTE_MENTION = /(?<![=/\w])@(\w+)@[\w.-]*\w/gu
const TRAILING = /[.,:;!?'")\]}»…]+$/u

export interface Span {
  start: number
  end: number
}

// findLinks returns the links of text, trailing punctuation left out.
export function findLinks(text: string, relaxed = false): Span[] {
  const re = new RegExp(relaxed ? RELAXED_URL : WEB_URL)
  const out: Span[] = []
  for (const m of text.matchAll(re)) {
    const raw = m[0]
    const trimmed = raw.replace(TRAILING, '')
    if (trimmed === '' || /^https?:\/\/$/i.test(trimmed)) continue
    out.push({ start: m.index ?? 0, end: (m.index ?? 0) + trimmed.length })
  }
  return out
}

// isEmoji mirrors the backend: pictographs, flags, keycaps, skin tones and
// ZWJ sequences weigh 2 on X however many code points they have.
function isEmoji(cluster: string): boolean {
  let first = true
  for (const ch of cluster) {
    const r = ch.codePointAt(0) ?? 0
    if (
      r === 0xfe0f ||
      r === 0x200d ||
      r === 0x20e3 ||
      (r >= 0x1f1e6 && r <= 0x1f1ff) ||
      (r >= 0x1f3fb && r <= 0x1f3ff) ||
      (r >= 0xe0020 && r <= 0xe007f)
    ) {
      return true
    }
    if (
      first &&
      ((r >= 0x1f000 && r <= 0x1faff) || (r >= 0x2600 && r <= 0x27bf) || (r >= 0x2300 && r <= 0x23ff) || (r >= 0x2b00 && r <= 0x2bff))
    ) {
      return true
    }
    first = false
  }
  return false
}

function runeWeight(r: number): number {
  if (r <= 0x10ff || (r >= 0x2000 && r <= 0x200d) || (r >= 0x2010 && r <= 0x201f) || (r >= 0x2032 && r <= 0x2037)) return 1
  return 2
}

// weight is what one grapheme cluster costs under a rule.
function weight(cluster: string, counting: string): number {
  if (counting === 'bytes') return utf8Length(cluster)
  if (counting !== 'weighted') return 1
  if (isEmoji(cluster)) return 2
  let n = 0
  for (const ch of cluster.normalize('NFC')) n += runeWeight(ch.codePointAt(0) ?? 0)
  return n
}

interface Unit {
  start: number
  end: number
  cost: number
}

// units cuts text into what is counted: each link (when links have a fixed
// cost), each remote mention (when it counts short), else each grapheme.
function units(text: string, rule: CountRule): Unit[] {
  const special: Array<Span & { cost: (s: string) => number }> = []
  if (rule.urlLength > 0) {
    for (const l of findLinks(text, rule.counting === 'weighted')) special.push({ ...l, cost: () => rule.urlLength })
  }
  if (rule.shortMentions) {
    for (const m of text.matchAll(REMOTE_MENTION)) {
      const start = m.index ?? 0
      const end = start + m[0].length
      if (special.some((s) => start < s.end && s.start < end)) continue
      const user = m[1]
      special.push({ start, end, cost: () => 1 + graphemes(user).length })
    }
  }
  special.sort((a, b) => a.start - b.start)
  const out: Unit[] = []
  let pos = 0
  const plain = (from: number, to: number) => {
    let i = from
    for (const g of graphemes(text.slice(from, to))) {
      out.push({ start: i, end: i + g.length, cost: weight(g, rule.counting) })
      i += g.length
    }
  }
  for (const s of special) {
    if (s.start < pos) continue
    plain(pos, s.start)
    const piece = text.slice(s.start, s.end)
    out.push({ start: s.start, end: s.end, cost: s.cost(piece) })
    pos = s.end
  }
  plain(pos, text.length)
  return out
}

// measure counts text as the network of rule does and finds where it goes
// over a limit.
export function measure(text: string, rule: CountRule): Measure {
  const limit = Math.max(0, rule.textLimit || 0)
  const byteLimit = Math.max(0, rule.byteLimit || 0)
  let used = 0
  let bytes = 0
  let overAt = -1
  for (const u of units(text, rule)) {
    used += u.cost
    bytes += utf8Length(text.slice(u.start, u.end))
    if (overAt < 0 && ((limit > 0 && used > limit) || (byteLimit > 0 && bytes > byteLimit))) overAt = u.start
  }
  const over = (limit > 0 && used > limit) || (byteLimit > 0 && bytes > byteLimit)
  return { used, limit, bytes, byteLimit, over, overAt }
}

// ruleFor builds the counting rule of an account's network.
export function ruleFor(
  network: string,
  caps: { textLimit: number; counting: string; byteLimit: number; urlLength: number },
): CountRule {
  return { ...caps, shortMentions: network === 'mastodon' }
}
