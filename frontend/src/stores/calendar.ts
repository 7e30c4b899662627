import { defineStore } from 'pinia'
import { ref } from 'vue'
import * as api from '../api/calendar'
import type { CalendarView, ImportPreview, MissedAction, Pause, PauseEvent, Post, Slot } from '../api/calendar'
import { assignPillars, asViewType, missedOf, pillarsOf, type CalendarViewType, type ColorBy, type PillarColors } from '../lib/calendar'
import { useWorkspacesStore } from './workspaces'

const COLOR_KEY = 'ruche.calendar.colorBy'

function savedColorBy(): ColorBy {
  try {
    return localStorage.getItem(COLOR_KEY) === 'network' ? 'network' : 'pillar'
  } catch {
    return 'pillar'
  }
}

function readPillars(key: string): PillarColors {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? '{}')
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {}
    return Object.fromEntries(Object.entries(v).filter(([, i]) => Number.isInteger(i) && (i as number) >= 0)) as PillarColors
  } catch {
    return {}
  }
}

// The current workspace's calendar: the last range shown, the drafts, the
// crisis switch, the missed posts waiting for a decision and the queue
// slots. The view, its date and the colouring survive a trip to the composer.
export const useCalendarStore = defineStore('calendar', () => {
  const viewType = ref<CalendarViewType>('dayGridMonth')
  const anchor = ref('') // a date inside the range shown, "" for today
  const colorBy = ref<ColorBy>(savedColorBy())
  const shown = ref<CalendarView | null>(null)
  const drafts = ref<Post[]>([])
  const paused = ref<Pause | null>(null)
  const pauseLog = ref<PauseEvent[]>([])
  const missed = ref<Post[]>([])
  // Missed posts the user closed the dialog on, not asked again this session.
  const later = ref<string[]>([])
  const slots = ref<Slot[]>([])
  // Bumped when the backend says posts changed: the calendar reloads.
  const version = ref(0)
  // Each pillar's colour, kept per workspace on this computer.
  const pillarColors = ref<PillarColors>({})
  let pillarKey = ''

  function notePillars(names: string[]) {
    const key = `ruche.pillars.${useWorkspacesStore().current?.id ?? ''}`
    if (key !== pillarKey) {
      pillarKey = key
      pillarColors.value = readPillars(key)
    }
    const next = assignPillars(pillarColors.value, names)
    if (next === pillarColors.value) return
    pillarColors.value = next
    try {
      localStorage.setItem(key, JSON.stringify(next))
    } catch {
      // private mode: the colours last this session
    }
  }

  function setView(type: string, date: string) {
    viewType.value = asViewType(type)
    anchor.value = date
  }

  function setColorBy(by: ColorBy) {
    colorBy.value = by
    try {
      localStorage.setItem(COLOR_KEY, by)
    } catch {
      // private mode: the choice lasts this session
    }
  }

  async function loadRange(from: string, to: string): Promise<CalendarView> {
    const v = await api.range(from, to)
    notePillars(pillarsOf(v))
    shown.value = v
    paused.value = v.paused ?? null
    missed.value = missedOf(v).filter((p) => !later.value.includes(p.id))
    return v
  }

  async function loadDrafts() {
    drafts.value = await api.drafts()
  }

  async function loadPause() {
    paused.value = await api.pauseState()
  }

  async function loadPauseLog() {
    pauseLog.value = await api.pauseLog()
  }

  async function move(id: string, date: string, time: string): Promise<Post> {
    const p = await api.movePost(id, date, time)
    drafts.value = drafts.value.filter((d) => d.id !== id)
    return p
  }

  async function addToQueue(id: string): Promise<Post> {
    const p = await api.addToQueue(id)
    drafts.value = drafts.value.filter((d) => d.id !== id)
    return p
  }

  async function pause(reason: string, until: string, allSpaces: boolean) {
    paused.value = await api.pause(reason, until, allSpaces)
  }

  async function resume() {
    await api.resume()
    paused.value = null
  }

  async function resolveMissed(id: string, action: MissedAction, date = '', time = ''): Promise<Post> {
    const p = await api.resolveMissed(id, action, date, time)
    missed.value = missed.value.filter((m) => m.id !== id)
    return p
  }

  function askLater(id: string) {
    later.value = [...later.value, id]
    missed.value = missed.value.filter((m) => m.id !== id)
  }

  async function loadSlots() {
    slots.value = await api.queueSlots()
  }

  async function saveSlots(next: Slot[]) {
    slots.value = await api.setQueueSlots(next)
  }

  const previewImport = (): Promise<ImportPreview> => api.previewImport()
  const confirmImport = (token: string): Promise<number> => api.confirmImport(token)

  // forget drops what belonged to the previous workspace.
  function forget() {
    shown.value = null
    drafts.value = []
    paused.value = null
    pauseLog.value = []
    missed.value = []
    later.value = []
  }

  return {
    viewType,
    anchor,
    colorBy,
    shown,
    drafts,
    paused,
    pauseLog,
    missed,
    slots,
    version,
    pillarColors,
    setView,
    setColorBy,
    loadRange,
    loadDrafts,
    loadPause,
    loadPauseLog,
    move,
    addToQueue,
    pause,
    resume,
    resolveMissed,
    askLater,
    loadSlots,
    saveSlots,
    previewImport,
    confirmImport,
    forget,
  }
})
