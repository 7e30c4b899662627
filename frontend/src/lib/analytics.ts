// The pure logic of the Analytics screen: the period presets (counted from
// the backend's "today" in the workspace's zone), the period's wording, how
// fresh a chart's figures are, which way a KPI went and whether that is
// good, and the few touches the window adds to the ECharts options the Go
// backend built (number formats of the value axes). The figures themselves
// are computed and written by the backend.
import type { UiLanguage } from './language'

// ---- Days ("YYYY-MM-DD", the workspace's local days)

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function toUTC(day: string): Date | null {
  const m = DAY.exec(day)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return date
}

const fromUTC = (d: Date): string => d.toISOString().slice(0, 10)

// isDay reports whether s is a real calendar day written YYYY-MM-DD.
export function isDay(s: unknown): s is string {
  return typeof s === 'string' && toUTC(s) !== null
}

// shiftDays returns day moved by n days, '' when day is not a day.
export function shiftDays(day: string, n: number): string {
  const d = toUTC(day)
  if (!d) return ''
  d.setUTCDate(d.getUTCDate() + n)
  return fromUTC(d)
}

// daysBetween counts the days of from..to, both included (0 when invalid
// or reversed).
export function daysBetween(from: string, to: string): number {
  const a = toUTC(from)
  const b = toUTC(to)
  if (!a || !b || b < a) return 0
  return Math.round((b.getTime() - a.getTime()) / 86_400_000) + 1
}

// ---- Periods

export interface Period {
  from: string
  to: string
}

export type PresetId = 'this_month' | 'last_month' | 'last_7' | 'last_30' | 'last_90' | 'custom'
export const PRESETS: readonly PresetId[] = ['this_month', 'last_month', 'last_7', 'last_30', 'last_90', 'custom']
export const DEFAULT_PRESET: PresetId = 'last_30'

// The longest period the backend accepts (analytics.MaxPeriodDays).
export const MAX_PERIOD_DAYS = 366

export function asPreset(v: unknown): PresetId {
  return PRESETS.includes(v as PresetId) ? (v as PresetId) : DEFAULT_PRESET
}

// presetPeriod returns the days of a preset as seen on today: this month
// runs from its first day to today (the days to come have no figures),
// last month is the whole calendar month before (compared by the backend
// with the month before it), the last n days end today. null for custom
// or an invalid today.
export function presetPeriod(preset: PresetId, today: string): Period | null {
  const t = toUTC(today)
  if (!t) return null
  const y = t.getUTCFullYear()
  const m = t.getUTCMonth()
  switch (preset) {
    case 'this_month':
      return { from: fromUTC(new Date(Date.UTC(y, m, 1))), to: today }
    case 'last_month':
      return { from: fromUTC(new Date(Date.UTC(y, m - 1, 1))), to: fromUTC(new Date(Date.UTC(y, m, 0))) }
    case 'last_7':
      return { from: shiftDays(today, -6), to: today }
    case 'last_30':
      return { from: shiftDays(today, -29), to: today }
    case 'last_90':
      return { from: shiftDays(today, -89), to: today }
  }
  return null
}

// presetOf names the preset whose days are period's on today, 'custom'
// when none is.
export function presetOf(period: Period, today: string): PresetId {
  for (const p of PRESETS) {
    const q = presetPeriod(p, today)
    if (q && q.from === period.from && q.to === period.to) return p
  }
  return 'custom'
}

export type PeriodProblem = '' | 'invalid' | 'reversed' | 'tooLong'

// checkPeriod says what is wrong with a period typed by hand, '' if
// nothing: the backend refuses the same ones.
export function checkPeriod(p: Period): PeriodProblem {
  if (!isDay(p.from) || !isDay(p.to)) return 'invalid'
  if (p.to < p.from) return 'reversed'
  if (daysBetween(p.from, p.to) > MAX_PERIOD_DAYS) return 'tooLong'
  return ''
}

// formatPeriod writes a period the way the language reads it: "1–31 oct."
// or "Oct 1 – 31"; the year is written when the period is not all in
// currentYear (the workspace's), or spans two years.
export function formatPeriod(p: Period, lang: UiLanguage, currentYear?: number): string {
  const a = toUTC(p.from)
  const b = toUTC(p.to)
  if (!a || !b) return ''
  const withYear = a.getUTCFullYear() !== b.getUTCFullYear() || (currentYear !== undefined && a.getUTCFullYear() !== currentYear)
  const f = new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'short',
    year: withYear ? 'numeric' : undefined,
    timeZone: 'UTC',
  })
  if (b < a) return `${f.format(a)} – ${f.format(b)}`
  return f.formatRange(a, b)
}

// yearOf is the year of a day, undefined when it is not one.
export function yearOf(day: string): number | undefined {
  return toUTC(day)?.getUTCFullYear()
}

// ---- Freshness

// instant reads an RFC 3339 time; Go's zero time (year 1) and garbage are
// null: never read.
export function instant(iso: unknown): Date | null {
  if (typeof iso !== 'string' || iso === '') return null
  const d = new Date(iso)
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() <= 1) return null
  return d
}

// ago writes how long before now a time was, in the language ("5 min
// ago", "il y a 5 min", "yesterday", "hier"); null when it was never (a
// zero or invalid time). A time a little ahead of now (clocks) is "now".
export function ago(iso: unknown, now: Date, lang: UiLanguage): string | null {
  const d = instant(iso)
  if (!d) return null
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' })
  const s = Math.max(0, Math.round((now.getTime() - d.getTime()) / 1000))
  if (s < 45) return rtf.format(0, 'second')
  const min = Math.round(s / 60)
  if (min < 60) return rtf.format(-min, 'minute')
  const h = Math.round(s / 3600)
  if (h < 24) return rtf.format(-h, 'hour')
  const days = Math.round(s / 86_400)
  if (days < 30) return rtf.format(-days, 'day')
  const months = Math.round(days / 30.44)
  if (months < 12) return rtf.format(-months, 'month')
  return rtf.format(-Math.round(days / 365.25), 'year')
}

// formatMoment writes an instant in full (date and time) in a zone, for a
// badge's tooltip; '' when it is not one.
export function formatMoment(iso: unknown, lang: UiLanguage, timeZone?: string): string {
  const d = instant(iso)
  if (!d) return ''
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone }).format(d)
  } catch {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(d)
  }
}

// formatDay writes the local day of an instant in a zone ("24 nov. 2025").
export function formatDay(iso: unknown, lang: UiLanguage, timeZone?: string): string {
  const d = instant(iso)
  if (!d) return ''
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone }).format(d)
  } catch {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(d)
  }
}

// ---- Trends

export type Direction = 'up' | 'down' | 'flat' | ''
export type Tone = 'good' | 'bad' | 'neutral'

// KPIs where less is better: a response time that falls is good news. The
// backend says so on its tiles (lowerIsBetter); these keys are the
// fallback for a tile that does not.
const LOWER_IS_BETTER = /(^|_)response_time($|_)|(^|_)unfollows?($|_)/
// KPIs that are neither good nor bad when they move: spending more on ads
// is a choice, not a result.
const NEUTRAL = new Set(['ad_spend'])

export function lowerIsBetter(key: string): boolean {
  return LOWER_IS_BETTER.test(key)
}

export interface TrendView {
  direction: Direction
  arrow: string // ▲ ▼ ▬, '' when unknown
  tone: Tone
}

const ARROWS: Record<Direction, string> = { up: '▲', down: '▼', flat: '▬', '': '' }

// trendOf tells how a tile's arrow reads: its direction (the backend's
// trend) and whether that is good for this KPI: lower is better when the
// backend says so, or when the key is one where it is.
export function trendOf(tile: { key: string; trend?: string; lowerIsBetter?: boolean }): TrendView {
  const direction: Direction = tile.trend === 'up' || tile.trend === 'down' || tile.trend === 'flat' ? tile.trend : ''
  let tone: Tone = 'neutral'
  if ((direction === 'up' || direction === 'down') && !NEUTRAL.has(tile.key)) {
    const better = tile.lowerIsBetter === true || lowerIsBetter(tile.key) ? 'down' : 'up'
    tone = direction === better ? 'good' : 'bad'
  }
  return { direction, arrow: ARROWS[direction], tone }
}

// ---- Numbers

// formatRate writes a percentage (4.2 means 4.2 %) with one decimal as
// the backend does (FormatPercent): "4,2 %" with a narrow no-break space
// in French, "4.2%" in English.
export function formatRate(rate: number, lang: UiLanguage): string {
  if (!Number.isFinite(rate)) return '–'
  const n = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rate)
  return lang === 'fr' ? `${n}\u202f%` : `${n}%`
}

export function formatCount(n: unknown, lang: UiLanguage): string {
  return typeof n === 'number' && Number.isFinite(n) ? new Intl.NumberFormat(lang).format(n) : '–'
}

// ---- Chart options

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

// localiseOption returns the ECharts option with its value axes' ticks
// written in the language (1 234 in French, 1,234 in English), as the
// backend leaves them to the window; the option given is not changed. An
// axis that already has a formatter keeps it. Anything that is not an
// option object comes back as it is.
export function localiseOption(option: unknown, lang: UiLanguage): unknown {
  if (!isRecord(option)) return option
  const nf = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 })
  const formatter = (v: number) => (typeof v === 'number' ? nf.format(v) : String(v))
  const axis = (a: unknown): unknown => {
    if (!isRecord(a) || a.type !== 'value') return a
    const label = isRecord(a.axisLabel) ? a.axisLabel : {}
    if (label.formatter !== undefined) return a
    return { ...a, axisLabel: { ...label, formatter } }
  }
  const out: Record<string, unknown> = { ...option }
  for (const k of ['xAxis', 'yAxis']) {
    const v = option[k]
    if (Array.isArray(v)) out[k] = v.map(axis)
    else if (v !== undefined) out[k] = axis(v)
  }
  return out
}

// withoutTitle returns the option with its title hidden: the card around
// the chart shows the same title already. The option given is not changed.
export function withoutTitle(option: unknown): unknown {
  if (!isRecord(option) || option.title === undefined) return option
  const hide = (t: unknown) => (isRecord(t) ? { ...t, show: false } : t)
  return { ...option, title: Array.isArray(option.title) ? option.title.map(hide) : hide(option.title) }
}

// ---- Filters

// addChips adds the values typed (commas separate several) to a chip list:
// trimmed, without empties or duplicates (whatever their case).
export function addChips(list: readonly string[], typed: string): string[] {
  const out = [...list]
  for (const raw of typed.split(',')) {
    const v = raw.trim().replace(/\s+/g, ' ')
    if (v !== '' && !out.some((x) => x.toLowerCase() === v.toLowerCase())) out.push(v)
  }
  return out
}

// ---- Report options

export const AGENCY_KEY = 'ruche.analytics.agency'

export function loadAgency(): string {
  try {
    return (localStorage.getItem(AGENCY_KEY) ?? '').slice(0, 200)
  } catch {
    return ''
  }
}

export function saveAgency(name: string): void {
  try {
    const v = name.trim()
    if (v === '') localStorage.removeItem(AGENCY_KEY)
    else localStorage.setItem(AGENCY_KEY, v)
  } catch {
    // no storage: the name is not remembered
  }
}

// progressPercent is how far done of total is, 0–100.
export function progressPercent(done: number, total: number): number {
  if (!(total > 0) || !(done > 0)) return 0
  return Math.min(100, Math.round((done / total) * 100))
}

// ---- Typed figures and objectives

// The kinds of figure a community manager types (backend metric.ManualKind):
// ad spend in cents, website sessions and users (of a "source / medium" or
// of the whole site), followers of a network Ruche cannot read.
export const FIGURE_KINDS = ['followers', 'ad_spend', 'website_sessions', 'website_users'] as const
export type FigureKind = (typeof FIGURE_KINDS)[number]

// The kinds of objective (backend metric.ObjectiveKind) and their unit:
// followers won, an engagement rate in %, publications a week, a response
// time in minutes.
export const OBJECTIVE_KINDS = ['follower_growth', 'engagement_rate', 'posts_per_week', 'response_time'] as const
export type ObjectiveKind = (typeof OBJECTIVE_KINDS)[number]

// The networks a figure or an objective may name (backend analytics.networks,
// without the test network unless the workspace has it).
export const FIGURE_NETWORKS = ['bluesky', 'mastodon', 'x', 'threads', 'linkedin', 'instagram'] as const

// networkOptions is FIGURE_NETWORKS followed by the other networks the
// workspace has (its choices), each once.
export function networkOptions(extra: readonly string[] = []): string[] {
  const out: string[] = [...FIGURE_NETWORKS]
  for (const n of extra) {
    const v = n.trim().toLowerCase()
    if (v !== '' && !out.includes(v)) out.push(v)
  }
  return out
}

// subjectOf says what the subject of a figure kind is: the network of
// followers (required), the "source / medium" of website figures
// (optional), nothing for ad spend.
export function subjectOf(kind: string): 'network' | 'source' | 'none' {
  if (kind === 'followers') return 'network'
  if (kind === 'website_sessions' || kind === 'website_users') return 'source'
  return 'none'
}

const SPACES = /[\s\u00a0\u202f\u2009'’]/g

// parseDecimal reads a number typed by hand, French or English: "1 234,5",
// "1234.5", "1,234.50", "12,50 €". A lone separator followed by exactly
// three digits groups thousands ("1,234" and "1.234" are 1234); otherwise
// it is the decimal one. null when it is not a number, or is negative.
export function parseDecimal(text: string): number | null {
  const s = text.replace(SPACES, '').replace(/€$|^€/, '')
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s) || /[.,]$/.test(s)) return null
  const commas = s.split(',').length - 1
  const dots = s.split('.').length - 1
  let decimal = ''
  let thousands = ''
  if (commas > 0 && dots > 0) {
    decimal = s.lastIndexOf(',') > s.lastIndexOf('.') ? ',' : '.'
    thousands = decimal === ',' ? '.' : ','
    if ((decimal === ',' ? commas : dots) > 1) return null
  } else if (commas + dots > 1) {
    thousands = commas > 0 ? ',' : '.'
  } else if (commas + dots === 1) {
    const sep = commas > 0 ? ',' : '.'
    const [whole, frac] = s.split(sep)
    if (frac.length === 3 && whole.length >= 1 && whole.length <= 3 && !whole.startsWith('0')) thousands = sep
    else decimal = sep
  }
  let body = s
  if (thousands !== '') {
    const [intPart, ...rest] = decimal !== '' ? body.split(decimal) : [body]
    const groups = intPart.split(thousands)
    if (groups[0] === '' || groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3)) return null
    body = groups.join('') + (rest.length > 0 ? `.${rest.join('')}` : '')
  } else if (decimal !== '') {
    body = body.replace(decimal, '.')
  }
  const n = Number(body)
  return Number.isFinite(n) && n >= 0 ? n : null
}

// toCents reads an amount typed in euros ("12,50", "12.5 €") as cents
// (1250); null when it is not an amount.
export function toCents(text: string): number | null {
  const n = parseDecimal(text)
  if (n === null) return null
  const cents = Math.round(n * 100)
  return Number.isSafeInteger(cents) ? cents : null
}

// formatEuros writes cents as euros in the language ("12,50 €", "€12.50").
export function formatEuros(cents: number, lang: UiLanguage): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

// formatFigure writes a figure's value: ad spend in euros, others as counts.
export function formatFigure(kind: string, value: number, lang: UiLanguage): string {
  return kind === 'ad_spend' ? formatEuros(value, lang) : formatCount(value, lang)
}

// formatMinutes writes a response time as the backend does (FormatMinutes)
// and so as the PDF report does: "45 min", "2 h", "1 h 05" in French,
// "1 h 05 min" in English, "1 j 4 h" / "1 d 4 h" from a day on, "< 1 min"
// below half a minute; no-break spaces keep a number with its unit.
export function formatMinutes(minutes: number, lang: UiLanguage): string {
  if (!Number.isFinite(minutes) || minutes < 0) return '–'
  const m = Math.round(minutes)
  const nf = new Intl.NumberFormat(lang)
  const sp = '\u00a0'
  const unit = (n: number, u: string) => `${nf.format(n)}${sp}${u}`
  if (m === 0) return `<${sp}${unit(1, 'min')}`
  if (m < 60) return unit(m, 'min')
  const h = Math.floor(m / 60)
  if (h >= 24) {
    const hours = Math.round(minutes / 60)
    const day = lang === 'fr' ? 'j' : 'd'
    return hours % 24 === 0 ? unit(hours / 24, day) : `${unit(Math.floor(hours / 24), day)} ${unit(hours % 24, 'h')}`
  }
  const rest = String(m % 60).padStart(2, '0')
  if (rest === '00') return unit(h, 'h')
  return lang === 'fr' ? `${unit(h, 'h')}${sp}${rest}` : `${unit(h, 'h')} ${rest}${sp}min`
}

// formatTarget writes an objective's target in its unit: "+500", "4,0 %",
// "3", "2 h".
export function formatTarget(kind: string, target: number, lang: UiLanguage): string {
  switch (kind) {
    case 'follower_growth':
      return `+${formatCount(target, lang)}`
    case 'engagement_rate':
      return formatRate(target, lang)
    case 'response_time':
      return formatMinutes(target, lang)
  }
  return formatCount(target, lang)
}

// formatLocalDay writes a local day "YYYY-MM-DD" ("24 nov. 2025"); the day
// as it is when it is not one.
export function formatLocalDay(day: string, lang: UiLanguage): string {
  const d = toUTC(day)
  if (!d) return day
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(d)
}

// formatMonth writes "YYYY-MM" as the language reads it ("octobre 2025");
// '' when it is not a month.
export function formatMonth(month: string, lang: UiLanguage): string {
  const d = toUTC(`${month}-01`)
  if (!/^\d{4}-\d{2}$/.test(month) || !d) return ''
  return new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d)
}

// sortFigures orders figures newest day first, then by kind and subject.
export function sortFigures<T extends { day: string; kind: string; subject: string }>(list: readonly T[]): T[] {
  const order = (k: string) => {
    const i = (FIGURE_KINDS as readonly string[]).indexOf(k)
    return i < 0 ? FIGURE_KINDS.length : i
  }
  return [...list].sort(
    (a, b) => b.day.localeCompare(a.day) || order(a.kind) - order(b.kind) || a.subject.localeCompare(b.subject),
  )
}
