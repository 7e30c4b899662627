// An in-memory stand-in for src/api (the seam the component tests mock):
// it behaves like the Go Settings facade closely enough to drive the screens.
import { vi } from 'vitest'
import type { AppInfo, BackupResult, RestoreResult, Workspace, WorkspaceInput } from '../api/settings'
import type { Problem } from '../lib/problem'

export const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='

export interface FakeState {
  info: AppInfo
  workspaces: Workspace[]
  zones: string[]
  backup: BackupResult
  restore: RestoreResult
  // name of an api function -> the Problem its next call rejects with
  fail: Record<string, Problem>
}

export function workspace(over: Partial<Workspace> = {}): Workspace {
  return {
    id: 'w1',
    name: 'Boulangerie Martin',
    timeZone: 'Europe/Paris',
    language: 'fr',
    color: '#2f6fde',
    logoDataUrl: '',
    demo: false,
    current: true,
    createdAt: '2025-11-20T09:00:00Z',
    updatedAt: '2025-11-20T09:00:00Z',
    ...over,
  }
}

function initial(): FakeState {
  return {
    info: {
      version: '1.2.3',
      dataDir: '/home/camille/.local/share/Ruche',
      logFile: '/home/camille/.local/share/Ruche/logs/ruche.log',
      backupDir: '/home/camille/.local/share/Ruche/backups',
      language: 'en',
      languageSetting: 'system',
      systemLanguage: 'en',
      systemTimeZone: 'America/Montreal',
      offerDemo: false,
      startupError: undefined,
    },
    workspaces: [workspace()],
    zones: ['UTC', 'America/Montreal', 'Europe/Paris'],
    backup: { cancelled: false, path: '/tmp/ruche.bak', bytes: 2_500_000 },
    restore: { cancelled: false, path: '/tmp/old.bak', safetyBackup: '/backups/safety.bak' },
    fail: {},
  }
}

export const state: FakeState = initial()

export function reset(over: Partial<FakeState> = {}) {
  Object.assign(state, initial(), over)
  for (const fn of Object.values(settingsModule)) fn.mockClear()
  for (const fn of Object.values(runtimeModule)) fn.mockClear()
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v ?? null)) as T

function answer<T>(name: string, result: () => T): Promise<T> {
  const p = state.fail[name]
  if (p) {
    delete state.fail[name]
    return Promise.reject(p)
  }
  return Promise.resolve().then(() => clone(result()))
}

function find(id: string): Workspace {
  const w = state.workspaces.find((x) => x.id === id)
  if (!w) throw { code: 'notFound', message: 'No such workspace.' }
  return w
}

let seq = 100

export const settingsModule = {
  info: vi.fn(() => answer('info', () => state.info)),
  setLanguage: vi.fn((s: string) =>
    answer('setLanguage', () => {
      state.info.languageSetting = s
      state.info.language = s === 'system' ? state.info.systemLanguage : s
      return state.info
    }),
  ),
  timeZones: vi.fn(() => answer('timeZones', () => state.zones)),
  listWorkspaces: vi.fn(() => answer('listWorkspaces', () => state.workspaces)),
  createWorkspace: vi.fn((input: WorkspaceInput) =>
    answer('createWorkspace', () => {
      const w = workspace({ ...input, id: `w${++seq}`, current: true })
      state.workspaces = state.workspaces.map((x) => ({ ...x, current: false })).concat(w)
      return w
    }),
  ),
  updateWorkspace: vi.fn((id: string, input: WorkspaceInput) =>
    answer('updateWorkspace', () => Object.assign(find(id), input)),
  ),
  deleteWorkspace: vi.fn((id: string) =>
    answer('deleteWorkspace', () => {
      state.workspaces = state.workspaces.filter((x) => x.id !== id)
      if (state.workspaces.length && !state.workspaces.some((x) => x.current)) state.workspaces[0].current = true
    }),
  ),
  switchWorkspace: vi.fn((id: string) =>
    answer('switchWorkspace', () => {
      state.workspaces = state.workspaces.map((x) => ({ ...x, current: x.id === id }))
      return find(id)
    }),
  ),
  chooseLogo: vi.fn((id: string) => answer('chooseLogo', () => Object.assign(find(id), { logoDataUrl: PNG }))),
  removeLogo: vi.fn((id: string) => answer('removeLogo', () => Object.assign(find(id), { logoDataUrl: '' }))),
  createDemo: vi.fn(() =>
    answer('createDemo', () => {
      state.info.offerDemo = false
      const w = workspace({ id: 'demo', name: 'Demo', demo: true, current: true })
      state.workspaces = state.workspaces.map((x) => ({ ...x, current: false })).concat(w)
      return w
    }),
  ),
  dismissDemoOffer: vi.fn(() =>
    answer('dismissDemoOffer', () => {
      state.info.offerDemo = false
    }),
  ),
  backupNow: vi.fn(() => answer('backupNow', () => state.backup)),
  restoreFromFile: vi.fn(() => answer('restoreFromFile', () => state.restore)),
}

export const runtimeModule = {
  quit: vi.fn(),
  copyText: vi.fn(async (_text: string) => true),
}
