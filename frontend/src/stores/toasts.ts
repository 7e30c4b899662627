import { defineStore } from 'pinia'
import { ref } from 'vue'
import { toProblem } from '../lib/problem'

// A button in a toast, such as "Open" on a failed post.
export interface ToastAction {
  label: string
  run: () => void
}

export interface Toast {
  id: number
  kind: 'error' | 'info'
  code: string
  action?: ToastAction
  // Translated by the backend, or '' when there was no usable text (the view
  // shows its generic message then).
  message: string
}

const INFO_TTL_MS = 6000

// The dismissable message area: every failed call ends up here unless the
// screen shows the error next to what the user was doing.
export const useToastStore = defineStore('toasts', () => {
  const items = ref<Toast[]>([])
  let next = 1

  function dismiss(id: number) {
    items.value = items.value.filter((t) => t.id !== id)
  }

  function error(err: unknown, action?: ToastAction): number {
    const p = toProblem(err)
    const id = next++
    items.value = [...items.value.slice(-4), { id, kind: 'error', code: p.code, message: p.message, action }]
    return id
  }

  function info(message: string): number {
    const id = next++
    items.value = [...items.value.slice(-4), { id, kind: 'info', code: '', message }]
    setTimeout(() => dismiss(id), INFO_TTL_MS)
    return id
  }

  return { items, dismiss, error, info }
})
