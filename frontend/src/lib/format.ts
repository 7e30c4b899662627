import type { UiLanguage } from './language'

const UNITS: Record<UiLanguage, readonly string[]> = {
  fr: ['octets', 'ko', 'Mo', 'Go', 'To'],
  en: ['bytes', 'KB', 'MB', 'GB', 'TB'],
}

// formatBytes writes a size the way each language reads it, in powers of
// 1,000: "1,2 Mo" in French, "1.2 MB" in English.
export function formatBytes(bytes: number, lang: UiLanguage): string {
  const units = UNITS[lang]
  let v = Number.isFinite(bytes) && bytes > 0 ? bytes : 0
  let i = 0
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000
    i++
  }
  const n = new Intl.NumberFormat(lang, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)
  return `${n}\u00a0${units[i]}`
}

// formatDate writes an RFC 3339 time as a long date in the UI language, in
// the given IANA zone when there is one. It returns '' for an invalid time and
// falls back to the machine's zone for an unknown zone.
export function formatDate(iso: string, lang: UiLanguage, timeZone?: string): string {
  const d = new Date(iso)
  if (!iso || Number.isNaN(d.getTime())) return ''
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone }).format(d)
  } catch {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(d)
  }
}

// formatTimeIn writes the wall-clock time of d in an IANA zone ("14:05" or
// "2:05 PM"), or null when the zone is unknown to this engine.
export function formatTimeIn(d: Date, lang: UiLanguage, timeZone: string): string | null {
  try {
    return new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit', timeZone }).format(d)
  } catch {
    return null
  }
}
