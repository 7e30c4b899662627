import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as api from '../api/settings'
import type { AppInfo } from '../api/settings'
import { asLanguageSetting, asUiLanguage, pickLanguage, type UiLanguage } from '../lib/language'
import { toProblem, type Problem } from '../lib/problem'
import { useWorkspacesStore } from './workspaces'

// The running app as the backend describes it (AppInfo), and the UI language.
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  // Info() itself failed: the backend cannot be reached.
  const loadError = ref<Problem | null>(null)
  const loading = ref(true)
  const browserLanguage = ref<UiLanguage>(
    pickLanguage(typeof navigator === 'undefined' ? undefined : navigator.language),
  )

  const language = computed<UiLanguage>(() =>
    info.value ? asUiLanguage(info.value.language, browserLanguage.value) : browserLanguage.value,
  )
  const languageSetting = computed(() => asLanguageSetting(info.value?.languageSetting))
  const systemLanguage = computed(() => asUiLanguage(info.value?.systemLanguage, browserLanguage.value))
  const startupError = computed<Problem | null>(() =>
    info.value?.startupError ? toProblem(info.value.startupError) : null,
  )
  const ready = computed(() => info.value !== null && startupError.value === null)

  async function loadInfo() {
    info.value = await api.info()
    loadError.value = null
  }

  // load reads everything the window shows: AppInfo, then the workspaces
  // unless the store could not be opened. It never throws: a failure of
  // Info() is kept in loadError, a later one is rethrown to the caller.
  async function load() {
    loading.value = true
    try {
      await loadInfo()
    } catch (err) {
      loadError.value = toProblem(err)
      loading.value = false
      return
    }
    try {
      if (!startupError.value) await useWorkspacesStore().load()
    } finally {
      loading.value = false
    }
  }

  // reload refreshes all state after something replaced it (restore, demo).
  async function reload() {
    await loadInfo()
    if (!startupError.value) await useWorkspacesStore().load()
  }

  async function setLanguage(setting: string) {
    info.value = await api.setLanguage(asLanguageSetting(setting))
  }

  // openDemo creates (or refreshes) the demo workspace, which becomes current.
  async function openDemo() {
    await api.createDemo()
    await reload()
  }

  async function dismissDemoOffer() {
    await api.dismissDemoOffer()
    if (info.value) info.value = { ...info.value, offerDemo: false }
  }

  return {
    info,
    loadError,
    loading,
    language,
    languageSetting,
    systemLanguage,
    startupError,
    ready,
    load,
    reload,
    setLanguage,
    openDemo,
    dismissDemoOffer,
  }
})
