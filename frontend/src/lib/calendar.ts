// How posts become calendar events: colours, status marks, what may be
// dragged, and the local dates and times FullCalendar hands back.
import type { CalendarView, Post, Slot } from '../api/posts'
import { contrastText, safeColor } from './color'
import type { LocalDateTime } from './datetime'
import type { UiLanguage } from './language'

export type ColorBy = 'pillar' | 'network'
export type CalendarViewType = 'dayGridMonth' | 'timeGridWeek' | 'timeGridDay' | 'listWeek'

export const VIEW_TYPES: readonly CalendarViewType[] = ['dayGridMonth', 'timeGridWeek', 'timeGridDay', 'listWeek']

export function asViewType(v: unknown): CalendarViewType {
  return VIEW_TYPES.includes(v as CalendarViewType) ? (v as CalendarViewType) : 'dayGridMonth'
}

export const NETWORKS = ['bluesky', 'mastodon', 'x', 'threads', 'linkedin', 'instagram', 'testnet'] as const

// Each network's colour, dark enough for white text.
export const NETWORK_COLORS: Record<string, string> = {
  bluesky: '#0866d6',
  mastodon: '#563acc',
  x: '#1d1d1f',
  threads: '#4a4a4f',
  linkedin: '#004182',
  instagram: '#c13584',
  testnet: '#5f7a3a',
}

// Distinct hues first: the first pillars of a workspace never look alike.
export const PILLAR_PALETTE = ['#2f6fde', '#c2410c', '#177a45', '#8e44ad', '#be185d', '#0f766e', '#a16207', '#4d5bd6']
export const NO_PILLAR_COLOR = '#6b6e75'

// A PillarColors maps each pillar name (folded) to an index of the palette,
// given in order of first sight and kept (per workspace) so a pillar keeps
// its colour from one month to the next.
export type PillarColors = Record<string, number>

const foldPillar = (p: string) => p.trim().toLocaleLowerCase()

// assignPillars gives each new pillar the first palette index no pillar
// has yet (round the palette again once all are taken). It returns known
// itself when nothing is new.
export function assignPillars(known: PillarColors, pillars: Iterable<string>): PillarColors {
  let out = known
  for (const raw of pillars) {
    const k = foldPillar(raw)
    if (k === '' || k in out) continue
    if (out === known) out = { ...known }
    const used = Object.values(out)
    let i = 0
    while (used.filter((u) => u === i).length > Math.floor(used.length / PILLAR_PALETTE.length)) i++
    out[k] = i % PILLAR_PALETTE.length
  }
  return out
}

// pillarColor is the colour of a pillar: its assigned one, else one from a
// hash of its name (stable, though two pillars may share it).
export function pillarColor(pillar: string, known: PillarColors = {}): string {
  const p = foldPillar(pillar)
  if (p === '') return NO_PILLAR_COLOR
  const i = known[p]
  if (i !== undefined) return PILLAR_PALETTE[((i % PILLAR_PALETTE.length) + PILLAR_PALETTE.length) % PILLAR_PALETTE.length]
  let h = 0
  for (const ch of p) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) >>> 0
  return PILLAR_PALETTE[h % PILLAR_PALETTE.length]
}

// Brand names read the same in both languages.
const NETWORK_NAMES: Record<string, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  x: 'X',
  threads: 'Threads',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  testnet: 'Testnet',
}

export function networkName(network: string): string {
  return NETWORK_NAMES[network] ?? network
}

export function networkColor(network: string): string {
  return NETWORK_COLORS[network] ?? NO_PILLAR_COLOR
}

export function postColor(post: Pick<Post, 'pillar' | 'networks'>, by: ColorBy, pillars: PillarColors = {}): string {
  if (by === 'network') return networkColor(post.networks?.[0] ?? '')
  return pillarColor(post.pillar ?? '', pillars)
}

// Statuses that mark an event with an icon and a label.
export const STATUSES = [
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'missed',
  'paused',
] as const

// asStatus keeps a known status (for a translation key), else "draft".
export function asStatus(s: string): (typeof STATUSES)[number] {
  return (STATUSES as readonly string[]).includes(s) ? (s as (typeof STATUSES)[number]) : 'draft'
}

export const MARKED_STATUSES = ['paused', 'failed', 'missed', 'published', 'publishing'] as const

export function isMarked(status: string): boolean {
  return (MARKED_STATUSES as readonly string[]).includes(status)
}

// isLocked: a post being or already published cannot move.
export function isLocked(status: string): boolean {
  return status === 'published' || status === 'publishing'
}

// The data FullCalendar needs for one post (an EventInput).
export interface PostEvent {
  id: string
  title: string
  start: string // "YYYY-MM-DDTHH:MM:00", read in the calendar's zone
  allDay: false
  editable: boolean
  backgroundColor: string
  borderColor: string
  textColor: string
  classNames: string[]
  extendedProps: {
    postId: string
    date: string
    time: string
    status: string
    networks: string[]
    pillar: string
    held: string[] // networks holding the post to publish it themselves
  }
}

export function postEvent(post: Post, day: string, by: ColorBy, pillars: PillarColors = {}): PostEvent | null {
  const date = post.localDate || day
  const time = post.localTime
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null
  const color = safeColor(postColor(post, by, pillars), NO_PILLAR_COLOR)
  return {
    id: post.id,
    title: post.title,
    start: `${date}T${time}:00`,
    allDay: false,
    editable: !isLocked(post.status),
    backgroundColor: color,
    borderColor: color,
    textColor: contrastText(color),
    classNames: ['ruche-post', `status-${post.status.replace(/[^a-z_]/g, '')}`],
    extendedProps: {
      postId: post.id,
      date,
      time,
      status: post.status,
      networks: post.networks ?? [],
      pillar: post.pillar ?? '',
      held: post.heldBy ?? [],
    },
  }
}

// eventsOf lists the events of a calendar view, in day order.
export function eventsOf(view: CalendarView | null, by: ColorBy, pillars: PillarColors = {}): PostEvent[] {
  const out: PostEvent[] = []
  for (const day of view?.days ?? []) {
    for (const p of day.posts ?? []) {
      const e = postEvent(p, day.date, by, pillars)
      if (e) out.push(e)
    }
  }
  return out
}

// legendOf lists what the colours of a view mean: its pillars (sorted, "" for
// posts without one) or its networks, each with its colour.
export function legendOf(
  view: CalendarView | null,
  by: ColorBy,
  pillars: PillarColors = {},
): Array<{ key: string; color: string }> {
  const keys = new Set<string>()
  for (const day of view?.days ?? []) {
    for (const p of day.posts ?? []) {
      if (by === 'network') for (const n of p.networks ?? []) keys.add(n)
      else keys.add((p.pillar ?? '').trim())
    }
  }
  return [...keys]
    .sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map((key) => ({ key, color: by === 'network' ? networkColor(key) : pillarColor(key, pillars) }))
}

// pillarsOf lists the pillar names of a view.
export function pillarsOf(view: CalendarView | null): string[] {
  const out: string[] = []
  for (const day of view?.days ?? []) for (const p of day.posts ?? []) if ((p.pillar ?? '').trim() !== '') out.push(p.pillar)
  return out
}

// shortTime writes "HH:MM" compactly for a month cell: "9h", "17h45" in
// French, "9a", "5:45p" in English.
export function shortTime(time: string, lang: UiLanguage): string {
  const m = /^(\d{2}):(\d{2})$/.exec(time)
  if (!m) return ''
  const h = Number(m[1])
  const min = m[2]
  if (lang === 'fr') return `${h}h${min === '00' ? '' : min}`
  const h12 = h % 12 === 0 ? 12 : h % 12
  return `${h12}${min === '00' ? '' : ':' + min}${h < 12 ? 'a' : 'p'}`
}

// missedOf lists the missed posts of a view, oldest first.
export function missedOf(view: CalendarView | null): Post[] {
  const out: Post[] = []
  for (const day of view?.days ?? []) for (const p of day.posts ?? []) if (p.status === 'missed') out.push(p)
  return out
}

// localParts reads the wall-clock date and time of an ISO string FullCalendar
// writes in the calendar's zone ("2025-11-24T10:30:00+01:00", or
// "2025-11-24" for a day cell: time is then "").
export function localParts(iso: string): { date: string; time: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?/.exec(iso)
  if (!m) return null
  return { date: m[1], time: m[2] ? `${m[2]}:${m[3]}` : '' }
}

// visibleDays turns FullCalendar's range (startStr, endStr, end exclusive)
// into the local days [from, to) the backend's Range takes.
export function visibleDays(startStr: string, endStr: string): { from: string; to: string } | null {
  const a = localParts(startStr)
  const b = localParts(endStr)
  if (!a || !b) return null
  return { from: a.date, to: b.date }
}

export const DEFAULT_DROP_TIME = '09:00'

// dropTime is the time a draft dropped on a day (month view, no time) gets:
// 09:00, or on today the next full hour when 09:00 is past (23:59 at the
// latest). Any day in the past keeps 09:00, which the backend refuses.
export function dropTime(date: string, now: LocalDateTime): string {
  if (date !== now.date || now.time < DEFAULT_DROP_TIME) return DEFAULT_DROP_TIME
  const h = Number(now.time.slice(0, 2)) + 1
  return h > 23 ? '23:59' : `${String(h).padStart(2, '0')}:00`
}

// firstDay: Monday in French, Sunday in English (FullCalendar's numbering,
// 0 = Sunday).
export function firstDay(lang: UiLanguage): 0 | 1 {
  return lang === 'fr' ? 1 : 0
}

// weekdays lists 0..6 (0 = Sunday) starting with the language's first day.
export function weekdays(lang: UiLanguage): number[] {
  const f = firstDay(lang)
  return [0, 1, 2, 3, 4, 5, 6].map((i) => (i + f) % 7)
}

// weekdayName is the name of a weekday (0 = Sunday) in the UI language.
export function weekdayName(weekday: number, lang: UiLanguage): string {
  // 2023-01-01 was a Sunday.
  const d = new Date(Date.UTC(2023, 0, 1 + (((weekday % 7) + 7) % 7)))
  const name = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' }).format(d)
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1)
}

// normalizeSlots keeps valid slots once each, sorted by the language's week
// order, then time.
export function normalizeSlots(slots: readonly Slot[], lang: UiLanguage): Slot[] {
  const order = weekdays(lang)
  const seen = new Set<string>()
  const out: Slot[] = []
  for (const s of slots) {
    if (!Number.isInteger(s.weekday) || s.weekday < 0 || s.weekday > 6 || !/^([01]\d|2[0-3]):[0-5]\d$/.test(s.time)) continue
    const k = `${s.weekday} ${s.time}`
    if (seen.has(k)) continue
    seen.add(k)
    out.push({ weekday: s.weekday, time: s.time })
  }
  return out.sort((a, b) => order.indexOf(a.weekday) - order.indexOf(b.weekday) || a.time.localeCompare(b.time))
}
