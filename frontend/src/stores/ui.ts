import { defineStore } from 'pinia'
import { ref } from 'vue'

export type View = 'home' | 'settings'

export type FormRequest = { mode: 'new'; seq: number } | { mode: 'edit'; id: string; seq: number }

// What the window shows: the current screen, the open workspace form and the
// stack of things Escape closes (modals above forms).
export const useUiStore = defineStore('ui', () => {
  const view = ref<View>('home')
  const form = ref<FormRequest | null>(null)
  const modalCount = ref(0)
  const escapeStack: Array<() => void> = []
  let seq = 0

  function go(v: View) {
    view.value = v
  }

  function openNewWorkspace() {
    view.value = 'settings'
    form.value = { mode: 'new', seq: ++seq }
  }

  function openEditWorkspace(id: string) {
    view.value = 'settings'
    form.value = { mode: 'edit', id, seq: ++seq }
  }

  function closeForm() {
    form.value = null
  }

  // onEscape registers a closer; it returns the function that unregisters it.
  function onEscape(close: () => void): () => void {
    escapeStack.push(close)
    return () => {
      const i = escapeStack.lastIndexOf(close)
      if (i >= 0) escapeStack.splice(i, 1)
    }
  }

  // escape runs the most recent closer and says whether there was one.
  function escape(): boolean {
    const close = escapeStack[escapeStack.length - 1]
    if (!close) return false
    close()
    return true
  }

  return { view, form, modalCount, go, openNewWorkspace, openEditWorkspace, closeForm, onEscape, escape }
})
