import { defineStore } from 'pinia'
import { ref } from 'vue'

export type View = 'calendar' | 'home' | 'accounts' | 'analytics' | 'settings' | 'composer'
export type Screen = Exclude<View, 'composer'>

export type FormRequest = { mode: 'new'; seq: number } | { mode: 'edit'; id: string; seq: number }

// What the composer opens on: a new post (at a date and time picked on the
// calendar, or none) or a saved one.
export type ComposerRequest =
  | { mode: 'new'; date: string; time: string; seq: number }
  | { mode: 'edit'; id: string; seq: number }

// What the window shows: the current screen, the open workspace form, the
// composer's post and the stack of things Escape closes (modals above
// forms). Leaving a composer with unsaved changes waits for the user to
// confirm (pendingLeave).
export const useUiStore = defineStore('ui', () => {
  const view = ref<View>('home')
  const form = ref<FormRequest | null>(null)
  const composer = ref<ComposerRequest | null>(null)
  // The screen the composer returns to.
  const back = ref<Screen>('calendar')
  const composerDirty = ref(false)
  const pendingLeave = ref<(() => void) | null>(null)
  const modalCount = ref(0)
  const escapeStack: Array<() => void> = []
  let seq = 0

  // leave runs then at once, or once the user agrees to drop the composer's
  // unsaved changes.
  function leave(then: () => void) {
    if (view.value === 'composer' && composerDirty.value) {
      pendingLeave.value = then
      return
    }
    then()
  }

  function confirmLeave() {
    const then = pendingLeave.value
    pendingLeave.value = null
    composerDirty.value = false
    then?.()
  }

  function cancelLeave() {
    pendingLeave.value = null
  }

  function show(v: Screen) {
    view.value = v
    composer.value = null
  }

  function go(v: Screen) {
    leave(() => show(v))
  }

  function openNewWorkspace() {
    leave(() => {
      show('settings')
      form.value = { mode: 'new', seq: ++seq }
    })
  }

  function openEditWorkspace(id: string) {
    leave(() => {
      show('settings')
      form.value = { mode: 'edit', id, seq: ++seq }
    })
  }

  function closeForm() {
    form.value = null
  }

  function openComposer(req: ComposerRequest) {
    leave(() => {
      if (view.value !== 'composer') back.value = view.value
      composerDirty.value = false
      composer.value = req
      view.value = 'composer'
    })
  }

  function openNewPost(date = '', time = '') {
    openComposer({ mode: 'new', date, time, seq: ++seq })
  }

  function openPost(id: string) {
    openComposer({ mode: 'edit', id, seq: ++seq })
  }

  function closeComposer() {
    leave(() => show(back.value))
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

  return {
    view,
    form,
    composer,
    composerDirty,
    pendingLeave,
    modalCount,
    go,
    openNewWorkspace,
    openEditWorkspace,
    closeForm,
    openNewPost,
    openPost,
    closeComposer,
    confirmLeave,
    cancelLeave,
    onEscape,
    escape,
  }
})
