// A Problem is what a failed backend call becomes in the window: a stable code
// and a message already translated by the backend into the UI language.
export interface Problem {
  code: string
  message: string
}

export const UNKNOWN_CODE = 'unknown'

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null
}

// toProblem turns anything a rejected binding may produce (the backend's
// {code, message}, a JSON string of it, a plain string, an Error, nothing)
// into a Problem. It is idempotent. An empty message means "no usable text":
// the view shows its own generic message then.
export function toProblem(err: unknown): Problem {
  if (typeof err === 'string') {
    const s = err.trim()
    if (s.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(s)
        if (isRecord(parsed) && ('code' in parsed || 'message' in parsed)) {
          return toProblem(parsed)
        }
      } catch {
        // not JSON: the string is the message
      }
    }
    return { code: UNKNOWN_CODE, message: s }
  }
  if (isRecord(err)) {
    const code = typeof err.code === 'string' && err.code.trim() !== '' ? err.code.trim() : UNKNOWN_CODE
    let message = ''
    if (typeof err.message === 'string') {
      message = err.message.trim()
    } else if (isRecord(err.error)) {
      return toProblem(err.error)
    } else if (typeof err.error === 'string') {
      message = err.error.trim()
    }
    return { code, message }
  }
  return { code: UNKNOWN_CODE, message: '' }
}
