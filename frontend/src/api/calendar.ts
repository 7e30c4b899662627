// The Calendar facade of the Go backend, typed: the current workspace's
// posts by local day, drafts, moves, queue slots, the crisis switch, missed
// posts, import and export. Every function rejects with a Problem.
import * as C from '../../wailsjs/go/api/Calendar'
import type { api } from '../../wailsjs/go/models'
import { call } from './call'
import { asModel, type CalendarView, type ImportPreview, type Pause, type PauseEvent, type Post, type Slot } from './posts'

export type { Problem } from '../lib/problem'
export type { CalendarView, Day, ImportPreview, ImportRow, Pause, PauseEvent, Post, Slot } from './posts'

export type MissedAction = 'publish_now' | 'reschedule' | 'skip'

// range returns the posts of the local days [from, to) ("YYYY-MM-DD").
export const range = (from: string, to: string): Promise<CalendarView> => call(() => C.Range(from, to))
export const drafts = (): Promise<Post[]> => call(() => C.Drafts()).then((d) => d ?? [])
// movePost schedules a post (or a draft) at a local date and "HH:MM".
export const movePost = (id: string, date: string, time: string): Promise<Post> => call(() => C.MovePost(id, date, time))
export const unschedulePost = (id: string): Promise<Post> => call(() => C.UnschedulePost(id))
export const queueSlots = (): Promise<Slot[]> => call(() => C.QueueSlots()).then((s) => s ?? [])
export const setQueueSlots = (slots: Slot[]): Promise<Slot[]> =>
  call(() => C.SetQueueSlots(slots.map((s) => asModel<api.Slot>(s)))).then((s) => s ?? [])
export const addToQueue = (id: string): Promise<Post> => call(() => C.AddToQueue(id))
// pause holds every scheduled post; until is RFC 3339 or "" (resume by hand).
export const pause = (reason: string, until: string, allSpaces: boolean): Promise<Pause> =>
  call(() => C.Pause(reason, until, allSpaces))
export const resume = (): Promise<void> => call(() => C.Resume())
// pauseState is null when the crisis switch is off.
export const pauseState = (): Promise<Pause | null> => call(() => C.PauseState()).then((p) => p ?? null)
export const pauseLog = (): Promise<PauseEvent[]> => call(() => C.PauseLog()).then((l) => l ?? [])
export const resolveMissed = (id: string, action: MissedAction, date = '', time = ''): Promise<Post> =>
  call(() => C.ResolveMissed(id, action, date, time))
// The exports open a save dialog and return the path, "" when cancelled.
export const exportICS = (): Promise<string> => call(() => C.ExportICS())
export const exportCSV = (): Promise<string> => call(() => C.ExportCSV())
// previewImport opens a file dialog and parses the CSV; it saves nothing.
export const previewImport = (): Promise<ImportPreview> => call(() => C.PreviewImport())
// confirmImport saves the valid rows of a preview and says how many.
export const confirmImport = (token: string): Promise<number> => call(() => C.ConfirmImport(token))
