// Wall-clock dates and times in a workspace's IANA zone. The calendar speaks
// "YYYY-MM-DD" and "HH:MM" in that zone; instants cross the boundary as
// RFC 3339 UTC.
import { DateTime } from 'luxon'
import type { UiLanguage } from './language'

export interface LocalDateTime {
  date: string // "YYYY-MM-DD"
  time: string // "HH:MM"
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

export function isLocalDate(s: unknown): s is string {
  return typeof s === 'string' && DATE.test(s)
}

export function isLocalTime(s: unknown): s is string {
  return typeof s === 'string' && TIME.test(s)
}

export function isZone(zone: string): boolean {
  return zone !== '' && DateTime.now().setZone(zone).isValid
}

// nowIn is the wall clock of zone at the instant now (the machine's zone
// when zone is unknown).
export function nowIn(zone: string, now: Date = new Date()): LocalDateTime {
  let d = DateTime.fromJSDate(now).setZone(zone)
  if (!d.isValid) d = DateTime.fromJSDate(now)
  return { date: d.toFormat('yyyy-MM-dd'), time: d.toFormat('HH:mm') }
}

// toInstant turns a wall-clock date and time of zone into RFC 3339 UTC, or
// "" when one of them is invalid. A time skipped by spring-forward moves
// forward, as the backend does.
export function toInstant(date: string, time: string, zone: string): string {
  if (!isLocalDate(date) || !isLocalTime(time)) return ''
  const d = DateTime.fromISO(`${date}T${time}`, { zone })
  if (!d.isValid) return ''
  return d.toUTC().toISO({ suppressMilliseconds: true }) ?? ''
}

// fromInstant is the wall clock of an RFC 3339 instant in zone, or null.
export function fromInstant(iso: string, zone: string): LocalDateTime | null {
  if (!iso) return null
  const d = DateTime.fromISO(iso, { setZone: true }).setZone(zone)
  if (!d.isValid) return null
  return { date: d.toFormat('yyyy-MM-dd'), time: d.toFormat('HH:mm') }
}

// offsetLabel is the UTC offset of zone at an instant: "UTC+1",
// "UTC−5" (a real minus sign), "UTC+5:30", "UTC".
export function offsetLabel(zone: string, at: Date = new Date()): string {
  const d = DateTime.fromJSDate(at).setZone(zone)
  if (!d.isValid) return ''
  const m = d.offset
  if (m === 0) return 'UTC'
  const sign = m > 0 ? '+' : '\u2212'
  const h = Math.floor(Math.abs(m) / 60)
  const min = Math.abs(m) % 60
  return `UTC${sign}${h}${min ? ':' + String(min).padStart(2, '0') : ''}`
}

function wallDate(date: string, time = '00:00'): Date | null {
  if (!isLocalDate(date) || !isLocalTime(time)) return null
  const [y, mo, d] = date.split('-').map(Number)
  const [h, mi] = time.split(':').map(Number)
  return new Date(Date.UTC(y, mo - 1, d, h, mi))
}

// formatLocalDate writes a wall-clock date in the UI language ("lundi
// 24 novembre 2025"), '' when invalid.
export function formatLocalDate(date: string, lang: UiLanguage, style: 'full' | 'medium' = 'full'): string {
  const d = wallDate(date)
  return d ? new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }).format(d) : ''
}

// formatLocalTime writes "HH:MM" the way the UI language reads it
// ("14:30", "2:30 PM"), '' when invalid.
export function formatLocalTime(time: string, lang: UiLanguage): string {
  const d = wallDate('2000-01-01', time)
  return d ? new Intl.DateTimeFormat(lang, { timeStyle: 'short', timeZone: 'UTC' }).format(d) : ''
}

// formatInstant writes an RFC 3339 instant as a date and time in zone.
export function formatInstant(iso: string, lang: UiLanguage, zone: string): string {
  const local = fromInstant(iso, zone)
  if (!local) return ''
  return `${formatLocalDate(local.date, lang, 'medium')} ${formatLocalTime(local.time, lang)}`
}

// addDays moves a "YYYY-MM-DD" date by n calendar days ('' when invalid).
export function addDays(date: string, n: number): string {
  if (!isLocalDate(date)) return ''
  const d = DateTime.fromISO(date, { zone: 'UTC' })
  return d.isValid ? d.plus({ days: n }).toFormat('yyyy-MM-dd') : ''
}
