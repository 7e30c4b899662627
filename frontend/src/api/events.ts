// The events the Go backend sends to the window, mirroring
// backend/api/events.go: keep both in step. Outside Wails, nothing arrives.
import { EventsOn } from '../../wailsjs/runtime/runtime'

// A post failed for good. Payload: PostFailed.
export const EVENT_POST_FAILED = 'post:failed'
// The scheduler changed posts (published, failed, missed, paused): the
// calendar reloads. Payload: none.
export const EVENT_POSTS_CHANGED = 'posts:changed'
// The user clicked a desktop notification about a post. Payload: its ID.
export const EVENT_POST_OPEN = 'post:open'
// A PDF report is being written. Payload: ReportProgress.
export const EVENT_REPORT_PROGRESS = 'report:progress'

export interface PostFailed {
  id: string
  title: string
  reason: string // translated
}

// How far the PDF report is: done steps of total.
export interface ReportProgress {
  done: number
  total: number
}

function listen(name: string, fn: (...data: unknown[]) => void): () => void {
  try {
    const off = EventsOn(name, fn)
    return typeof off === 'function' ? off : () => {}
  } catch {
    return () => {}
  }
}

export function onPostsChanged(fn: () => void): () => void {
  return listen(EVENT_POSTS_CHANGED, () => fn())
}

export function onPostFailed(fn: (p: PostFailed) => void): () => void {
  return listen(EVENT_POST_FAILED, (data) => {
    const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>
    const str = (v: unknown) => (typeof v === 'string' ? v : '')
    if (str(d.id) !== '') fn({ id: str(d.id), title: str(d.title), reason: str(d.reason) })
  })
}

export function onPostOpen(fn: (id: string) => void): () => void {
  return listen(EVENT_POST_OPEN, (id) => {
    if (typeof id === 'string' && id !== '') fn(id)
  })
}

export function onReportProgress(fn: (p: ReportProgress) => void): () => void {
  return listen(EVENT_REPORT_PROGRESS, (data) => {
    const d = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0)
    fn({ done: num(d.done), total: num(d.total) })
  })
}
