// Only inline PNG or JPEG images may be shown: no remote URL (the app runs
// offline and must not leak requests), no SVG (it can carry script), no
// javascript: or other scheme.
const SAFE_IMAGE = /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/

export function isSafeImageSrc(v: unknown): v is string {
  return typeof v === 'string' && v.length < 16 * 1024 * 1024 && SAFE_IMAGE.test(v)
}

// safeImageSrc returns v when it may be used as an <img src>, else null.
export function safeImageSrc(v: unknown): string | null {
  return isSafeImageSrc(v) ? v : null
}
