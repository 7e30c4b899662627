export const DEFAULT_COLOR = '#f5a623'

const HEX6 = /^#[0-9a-f]{6}$/i

// isHexColor accepts exactly "#rrggbb", the format of <input type=color> and
// of the backend. Anything else never reaches a style binding.
export function isHexColor(v: unknown): v is string {
  return typeof v === 'string' && HEX6.test(v)
}

// safeColor returns v in lower case when it is "#rrggbb", else the fallback.
export function safeColor(v: unknown, fallback: string = DEFAULT_COLOR): string {
  return isHexColor(v) ? v.toLowerCase() : fallback
}

function channels(hex: string): [number, number, number] {
  const h = safeColor(hex)
  return [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)]
}

function toHex(rgb: [number, number, number]): string {
  return '#' + rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')
}

// relativeLuminance follows WCAG 2.x.
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

// contrastText picks dark or white text for a background colour, whichever
// contrasts more.
export function contrastText(hex: string): '#1d1d1f' | '#ffffff' {
  const l = relativeLuminance(hex)
  const dark = relativeLuminance('#1d1d1f')
  const withWhite = 1.05 / (l + 0.05)
  const withDark = (l + 0.05) / (dark + 0.05)
  return withDark >= withWhite ? '#1d1d1f' : '#ffffff'
}

// mix blends colour a towards colour b; t=0 gives a, t=1 gives b.
export function mix(a: string, b: string, t: number): string {
  const ca = channels(a)
  const cb = channels(b)
  const k = Math.min(1, Math.max(0, t))
  return toHex([0, 1, 2].map((i) => ca[i] + (cb[i] - ca[i]) * k) as [number, number, number])
}

// accentPalette derives the CSS variables the layout uses from a brand colour.
export function accentPalette(brand: unknown): Record<string, string> {
  const c = safeColor(brand)
  // A very light brand colour is unreadable as text on white: darken it for text.
  const strong = relativeLuminance(c) > 0.45 ? mix(c, '#000000', 0.45) : c
  return {
    '--accent': c,
    '--accent-contrast': contrastText(c),
    '--accent-soft': mix(c, '#ffffff', 0.86),
    '--accent-strong': strong,
  }
}
