// The Settings facade of the Go backend, typed. This folder is the only
// importer of wailsjs/: views and stores use these functions (and tests mock
// this module). Every function rejects with a Problem {code, message}.
import * as S from '../../wailsjs/go/api/Settings'
import type { api } from '../../wailsjs/go/models'
import { call } from './call'

export type { Problem } from '../lib/problem'

// Data keeps the JSON fields of a generated model class and drops its
// helper methods, so plain objects (and test fixtures) fit.
type Data<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] }

export type AppInfo = Data<api.AppInfo>
export type Workspace = Data<api.Workspace>
export type WorkspaceInput = Data<api.WorkspaceInput>
export type BackupResult = Data<api.BackupResult>
export type RestoreResult = Data<api.RestoreResult>
export type VoiceWord = Data<api.VoiceWordDTO>
// A background job (Settings → Background jobs): times RFC 3339 UTC, ""
// for never (lastRun) or not known (nextRun); title and errorMessage in
// the UI language, errorMessage "" when the last run succeeded.
export type JobView = Data<api.JobView>
// A workspace's brand voice; maxExclamations and maxEmoji are absent (or
// null) for no limit, minReadingEase 0 for no rule.
export type Voice = Omit<Data<api.VoiceDTO>, 'forbidden' | 'maxExclamations' | 'maxEmoji'> & {
  forbidden: VoiceWord[]
  maxExclamations?: number | null
  maxEmoji?: number | null
}
// A brand-voice rule the edited text breaks (Composer.Spelling's voice),
// offsets in UTF-16 units.
export type VoiceFinding = Data<api.VoiceFinding>

export const info = (): Promise<AppInfo> => call(() => S.Info())
export const setLanguage = (setting: string): Promise<AppInfo> => call(() => S.SetLanguage(setting))
export const timeZones = (): Promise<string[]> => call(() => S.TimeZones())
export const listWorkspaces = (): Promise<Workspace[]> => call(() => S.ListWorkspaces())
export const createWorkspace = (input: WorkspaceInput): Promise<Workspace> =>
  call(() => S.CreateWorkspace(input))
export const updateWorkspace = (id: string, input: WorkspaceInput): Promise<Workspace> =>
  call(() => S.UpdateWorkspace(id, input))
export const deleteWorkspace = (id: string): Promise<void> => call(() => S.DeleteWorkspace(id))
export const switchWorkspace = (id: string): Promise<Workspace> => call(() => S.SwitchWorkspace(id))
export const chooseLogo = (id: string): Promise<Workspace> => call(() => S.ChooseLogo(id))
export const removeLogo = (id: string): Promise<Workspace> => call(() => S.RemoveLogo(id))
export const createDemo = (): Promise<Workspace> => call(() => S.CreateDemo())
export const dismissDemoOffer = (): Promise<void> => call(() => S.DismissDemoOffer())
export const backupNow = (): Promise<BackupResult> => call(() => S.BackupNow())
export const restoreFromFile = (): Promise<RestoreResult> => call(() => S.RestoreFromFile())
// restoreNewest restores the newest backup; when the data was refused as
// damaged, Ruche keeps the damaged folder and starts again on the backup.
export const restoreNewest = (): Promise<RestoreResult> => call(() => S.RestoreNewest())
export const voice = (): Promise<Voice> => call(() => S.Voice())
export const saveVoice = (v: Voice): Promise<Voice> => call(() => S.SaveVoice(v as api.VoiceDTO))
export const jobs = (): Promise<JobView[]> => call(() => S.Jobs())
// credits: the sources and licences of the dictionaries, as plain text.
export const credits = (): Promise<string> => call(() => S.Credits())
