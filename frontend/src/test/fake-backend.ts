// An in-memory stand-in for src/api (the seam the component tests mock):
// it behaves like the Go Settings, Calendar, Composer and Accounts facades
// closely enough to drive the screens.
import { vi } from 'vitest'
import type { AccountView, MastodonStart } from '../api/accounts'
import type {
  Chart,
  Dashboard,
  DashboardChoices,
  DashboardFilter,
  Fan,
  Figure,
  FiguresImportPreview,
  Objective,
  ReportPlan,
  Responses,
  Tile,
  TopPost,
} from '../api/analytics'
import type { MissedAction } from '../api/calendar'
import type { Recurrence, TextCheck } from '../api/composer'
import type { PostFailed, ReportProgress } from '../api/events'
import type {
  CalendarView,
  Check,
  Finding,
  ImportPreview,
  Media,
  Pause,
  PauseEvent,
  Post,
  PostInput,
  Slot,
} from '../api/posts'
import type { AppInfo, BackupResult, JobView, RestoreResult, Voice, VoiceFinding, Workspace, WorkspaceInput } from '../api/settings'
import { addDays, nowIn } from '../lib/datetime'
import { daysBetween, shiftDays } from '../lib/analytics'
import { measure, ruleFor } from '../lib/count'
import type { Problem } from '../lib/problem'

export const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='

export interface FakeState {
  info: AppInfo
  workspaces: Workspace[]
  zones: string[]
  backup: BackupResult
  restore: RestoreResult
  // The workspace's accounts, as the Accounts screen sees them (the
  // composer reads the same list as plain Accounts).
  accounts: AccountView[]
  // Mastodon authorizations under way, by flow id.
  flows: Record<string, FakeFlow>
  posts: Post[]
  slots: Slot[]
  pause: Pause | null
  pauseLog: PauseEvent[]
  exportPath: string
  importPreview: ImportPreview
  chosenMedia: Media[]
  analytics: FakeAnalytics
  // The workspace's own words (Composer.AddWord), and whether the
  // spelling dictionaries are loaded yet.
  words: string[]
  spellingReady: boolean
  // pastTags are the hashtags Composer.Spelling offers (the workspace's best).
  pastTags: string[]
  // The current workspace's brand voice (Settings.Voice) and the
  // dictionaries' credits (Settings.Credits).
  voice: Voice
  credits: string
  // The background jobs (Settings.Jobs).
  jobs: JobView[]
  // name of an api function -> the Problem its next call rejects with
  fail: Record<string, Problem>
}

// A Mastodon authorization under way; waiter is set while FinishMastodon(id, "")
// waits for the browser.
export interface FakeFlow {
  instance: string
  server: string
  pasteCode: boolean
  waiter: { resolve: (a: AccountView) => void; reject: (p: Problem) => void } | null
}

// The Analytics facade's side: what the filters offer, the dashboard of a
// period (dashboardOf unless a test sets its own), the analyses by period
// ("from/to") and what the save dialogs answer ("" = cancelled). With
// holdPdf, ExportPDF waits for report.finish() (progress comes from
// emit.reportProgress meanwhile); without, it reports 1..3 of 3 and ends.
export interface FakeAnalytics {
  choices: DashboardChoices
  empty: boolean
  dashboard: ((from: string, to: string, filter: DashboardFilter, lang: string) => Dashboard) | null
  analyses: Record<string, string>
  pdfPath: string
  csvPath: string
  holdPdf: boolean
  // The typed and imported figures, the objectives, what the Google
  // Analytics file dialog would preview (cancelled: closed), the monthly
  // report plan and what its folder dialog answers ("" = cancelled).
  figures: Figure[]
  objectives: Objective[]
  figuresPreview: FiguresImportPreview
  plan: ReportPlan
  folder: string
}

export const ZONE = 'Europe/Paris'

// The workspace's today as the Analytics facade says it: fixed, so that the
// period presets are known days.
export const ANALYTICS_TODAY = '2025-11-24'

// today is the workspace's local date now; day(n) the date n days later.
export const today = (): string => nowIn(ZONE).date
export const day = (n: number): string => addDays(today(), n)

export function account(id: string, network: string, over: Partial<AccountView> = {}): AccountView {
  const caps: Record<string, AccountView['capabilities']> = {
    bluesky: { textLimit: 300, counting: 'graphemes', byteLimit: 3000, urlLength: 0, maxMedia: 4, maxMediaBytes: 1_000_000, mediaTypes: ['image/png', 'image/jpeg'], threads: true, firstComment: false, nativeScheduling: false },
    mastodon: { textLimit: 500, counting: 'graphemes', byteLimit: 0, urlLength: 23, maxMedia: 4, maxMediaBytes: 16_000_000, mediaTypes: ['image/png', 'image/jpeg'], threads: true, firstComment: false, nativeScheduling: true },
    linkedin: { textLimit: 3000, counting: 'graphemes', byteLimit: 0, urlLength: 0, maxMedia: 20, maxMediaBytes: 8_000_000, mediaTypes: ['image/png', 'image/jpeg'], threads: false, firstComment: true, nativeScheduling: false },
  }
  const names: Record<string, string> = { bluesky: 'Bluesky', mastodon: 'Mastodon', linkedin: 'LinkedIn' }
  const servers: Record<string, string> = { bluesky: 'https://bsky.social', mastodon: 'https://piaille.fr' }
  const status = over.status ?? 'connected'
  return {
    id,
    network,
    networkName: names[network] ?? network,
    handle: `@martin.${network}`,
    displayName: 'Boulangerie Martin',
    status,
    capabilities: caps[network] ?? caps.bluesky,
    server: servers[network] ?? '',
    avatarUrl: '',
    health: status,
    expiresAt: '',
    nativeScheduling: false,
    createdAt: '2025-11-20T09:00:00Z',
    ...over,
  }
}

export function post(over: Partial<Post> = {}): Post {
  return {
    id: 'p1',
    workspaceId: 'w1',
    status: 'scheduled',
    scheduledAt: '',
    localDate: day(2),
    localTime: '10:00',
    zone: ZONE,
    title: 'Le pain du jour',
    authorNote: '',
    pillar: 'Produits',
    campaigns: [],
    variants: [
      { accountId: 'a-bsky', network: 'bluesky', text: 'Le pain du jour #pain', link: '', firstComment: '', thread: [], media: [] },
    ],
    deliveries: [],
    revision: 1,
    networks: ['bluesky'],
    heldBy: [],
    ...over,
  }
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

export function job(name: string, title: string, over: Partial<JobView> = {}): JobView {
  return { name, title, period: '5s', lastRun: '', nextRun: '', tookMs: 0, running: false, lastError: '', errorMessage: '', failures: 0, ...over }
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
    restore: { cancelled: false, path: '/tmp/old.bak', safetyBackup: '/backups/safety.bak', kept: '', relaunch: false },
    accounts: [account('a-bsky', 'bluesky'), account('a-masto', 'mastodon'), account('a-li', 'linkedin')],
    flows: {},
    posts: [
      post(),
      post({ id: 'p2', localDate: day(3), localTime: '14:30', title: 'Coulisses du fournil', pillar: 'Coulisses', networks: ['mastodon'] }),
      post({ id: 'p3', status: 'published', localDate: day(1), localTime: '08:00', title: 'Déjà parue' }),
      post({ id: 'd1', status: 'draft', localDate: '', localTime: '', title: 'Brouillon croissants' }),
    ],
    slots: [
      { weekday: 1, time: '09:00' },
      { weekday: 3, time: '18:00' },
    ],
    pause: null,
    pauseLog: [],
    exportPath: '/home/camille/ruche.ics',
    importPreview: {
      cancelled: false,
      path: '/home/camille/posts.csv',
      token: 'tok-1',
      valid: 1,
      invalid: 1,
      rows: [
        { line: 2, at: '2030-01-02T09:00:00Z', text: 'Galette des rois', link: '', media: '', accounts: ['@martin.bluesky'], problems: [] },
        {
          line: 3,
          at: '',
          text: 'Mauvaise date',
          link: '',
          media: '',
          accounts: ['@inconnu'],
          problems: [
            { code: 'calendar.csv_date', message: 'Line 3: “32/13” is not a date.' },
            { code: 'calendar.csv_account_unknown', message: 'Line 3: no connected account is named “@inconnu”.' },
          ],
        },
      ],
    },
    chosenMedia: [{ path: '/home/camille/photo.png', alt: '', mime: 'image/png', size: 120_000, width: 800, height: 600 }],
    analytics: {
      choices: {
        networks: [
          { value: 'bluesky', label: 'Bluesky' },
          { value: 'mastodon', label: 'Mastodon' },
        ],
        accounts: [
          { value: 'a-bsky', label: 'Boulangerie Martin · Bluesky' },
          { value: 'a-masto', label: 'Boulangerie Martin · Mastodon' },
        ],
        today: ANALYTICS_TODAY,
      },
      empty: false,
      dashboard: null,
      analyses: {},
      pdfPath: '/home/camille/Boulangerie-Martin-rapport-2025-10-01_2025-10-31.pdf',
      csvPath: '/home/camille/Boulangerie-Martin-2025-10-01_2025-10-31.csv',
      holdPdf: false,
      figures: [],
      objectives: [],
      figuresPreview: {
        cancelled: false,
        path: '/home/camille/ga-octobre.csv',
        token: 'ga-1',
        valid: 2,
        rows: [
          { line: 2, day: '2025-11-01', sessions: 120, users: 90, source: 'google / organic', problems: [] },
          { line: 3, day: '2025-11-02', sessions: 80, users: 61, source: '', problems: [] },
          {
            line: 4,
            day: '',
            sessions: 12,
            users: undefined,
            source: '',
            problems: [{ code: 'analytics.csv_date_invalid', message: 'Line 4: “32/13/2025” is not a date (write 2026-11-23 or 23/11/2026).' }],
          },
        ],
      },
      plan: { folder: '', lang: '', agency: '', last: '' },
      folder: '/home/camille/Rapports',
    },
    words: [],
    spellingReady: true,
    pastTags: [],
    voice: { forbidden: [], signature: '', hashtags: [], address: '', noAllCaps: false, minReadingEase: 0 },
    credits: '# Credits\n\nFrench dictionary: Dicollecte, MPL 2.0.\n<b>not markup</b>',
    jobs: [
      job('resume', 'End of timed pauses', { lastRun: '2025-11-24T09:00:00Z', nextRun: '2025-11-24T09:00:05Z', tookMs: 3 }),
      job('collect', 'Networks’ figures read'),
    ],
    fail: {},
  }
}

export const state: FakeState = initial()

export function reset(over: Partial<FakeState> = {}) {
  Object.assign(state, initial(), over)
  for (const fn of Object.values(settingsModule)) fn.mockClear()
  for (const fn of Object.values(runtimeModule)) fn.mockClear()
  for (const fn of Object.values(calendarModule)) fn.mockClear()
  for (const fn of Object.values(composerModule)) fn.mockClear()
  for (const fn of Object.values(accountsModule)) fn.mockClear()
  for (const fn of Object.values(analyticsModule)) fn.mockClear()
  pdfWaiter = null
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
  restoreNewest: vi.fn(() => answer('restoreNewest', () => state.restore)),
  voice: vi.fn(() => answer('voice', () => state.voice)),
  saveVoice: vi.fn((v: Voice) =>
    answer('saveVoice', () => {
      if ([v.maxExclamations, v.maxEmoji, v.minReadingEase].some((n) => typeof n === 'number' && n < 0)) reject('internal', 'Invalid brand voice.')
      state.voice = clone(v)
      return state.voice
    }),
  ),
  credits: vi.fn(() => answer('credits', () => state.credits)),
  jobs: vi.fn(() => answer('jobs', () => state.jobs)),
}

// ---- Calendar and Composer

const reject = (code: string, message: string): never => {
  throw { code, message }
}

function findPost(id: string): Post {
  return state.posts.find((p) => p.id === id) ?? reject('post.not_found', 'This post no longer exists.')
}

function networksOf(input: PostInput): string[] {
  return [...new Set(input.variants.map((v) => v.network))]
}

function place(p: Post, date: string, time: string) {
  const now = nowIn(ZONE)
  if (`${date} ${time}` <= `${now.date} ${now.time}`) reject('post.time_past', 'This time is already past: choose a later one.')
  if (p.status === 'published' || p.status === 'publishing') reject('post.published', 'This post is already published.')
  p.localDate = date
  p.localTime = time
  p.scheduledAt = `${date}T${time}:00Z`
  p.status = state.pause ? 'paused' : 'scheduled'
  p.revision++
}

export function checkOf(input: PostInput): Check {
  const counts: Check['counts'] = {}
  const findings: Finding[] = []
  for (const v of input.variants) {
    const a = state.accounts.find((x) => x.id === v.accountId)
    if (!a) continue
    const m = measure(v.text, ruleFor(a.network, a.capabilities))
    counts[a.id] = { used: m.used, limit: m.limit, bytes: m.bytes, byteLimit: m.byteLimit, over: m.over }
    if (v.text.trim() === '' && v.media.length === 0) {
      findings.push({ accountId: a.id, code: 'network.text_empty', severity: 'error', message: 'Write a text or add an image.' })
    }
    if (m.over) {
      findings.push({
        accountId: a.id,
        code: 'network.text_too_long',
        severity: 'error',
        message: `The text is ${m.used - m.limit} characters too long for ${a.networkName} (${m.used}/${m.limit}).`,
      })
    }
    for (const md of v.media) {
      if (md.alt.trim() === '') {
        findings.push({ accountId: a.id, code: 'network.alt_missing', severity: 'warning', message: `${md.path} has no description (alt text).` })
      }
    }
  }
  return { counts, findings, canSave: !findings.some((f) => f.severity === 'error') }
}

function fromInput(p: Post, input: PostInput) {
  p.authorNote = input.authorNote
  p.pillar = input.pillar
  p.campaigns = [...input.campaigns]
  p.variants = clone(input.variants)
  p.networks = networksOf(input)
  p.title = (input.variants[0]?.text ?? '').split('\n')[0].slice(0, 60)
}

export const calendarModule = {
  range: vi.fn((from: string, to: string) =>
    answer('range', (): CalendarView => {
      const days: CalendarView['days'] = []
      for (let d = from; d < to; d = addDays(d, 1)) {
        days.push({ date: d, posts: state.posts.filter((p) => p.localDate === d).sort((a, b) => a.localTime.localeCompare(b.localTime)) })
      }
      return { zone: ZONE, from, to, days, paused: state.pause ?? undefined }
    }),
  ),
  drafts: vi.fn(() => answer('drafts', () => state.posts.filter((p) => p.localDate === ''))),
  movePost: vi.fn((id: string, date: string, time: string) =>
    answer('movePost', () => {
      const p = findPost(id)
      place(p, date, time)
      return p
    }),
  ),
  unschedulePost: vi.fn((id: string) =>
    answer('unschedulePost', () => {
      const p = findPost(id)
      Object.assign(p, { status: 'draft', localDate: '', localTime: '', scheduledAt: '', revision: p.revision + 1 })
      return p
    }),
  ),
  queueSlots: vi.fn(() => answer('queueSlots', () => state.slots)),
  setQueueSlots: vi.fn((slots: Slot[]) => answer('setQueueSlots', () => (state.slots = clone(slots)))),
  addToQueue: vi.fn((id: string) =>
    answer('addToQueue', () => {
      const p = findPost(id)
      place(p, day(1), state.slots[0]?.time ?? '09:00')
      return p
    }),
  ),
  pause: vi.fn((reason: string, until: string, allSpaces: boolean) =>
    answer('pause', () => {
      state.pause = { reason, since: '2025-11-24T09:00:00Z', until, allSpaces }
      let n = 0
      for (const p of state.posts) if (p.status === 'scheduled') (p.status = 'paused'), n++
      state.pauseLog.unshift({ at: '2025-11-24T09:00:00Z', action: 'pause', reason, workspace: allSpaces ? '' : 'Boulangerie Martin', posts: n })
      return state.pause
    }),
  ),
  resume: vi.fn(() =>
    answer('resume', () => {
      state.pause = null
      for (const p of state.posts) if (p.status === 'paused') p.status = 'scheduled'
    }),
  ),
  pauseState: vi.fn(() => answer('pauseState', () => state.pause)),
  pauseLog: vi.fn(() => answer('pauseLog', () => state.pauseLog)),
  resolveMissed: vi.fn((id: string, action: MissedAction, date: string, time: string) =>
    answer('resolveMissed', () => {
      const p = findPost(id)
      if (action === 'publish_now') p.status = 'publishing'
      else if (action === 'skip') Object.assign(p, { status: 'draft', localDate: '', localTime: '' })
      else place(p, date, time)
      return p
    }),
  ),
  exportICS: vi.fn(() => answer('exportICS', () => state.exportPath)),
  exportCSV: vi.fn(() => answer('exportCSV', () => state.exportPath.replace(/\.ics$/, '.csv'))),
  previewImport: vi.fn(() => answer('previewImport', () => state.importPreview)),
  confirmImport: vi.fn((token: string) =>
    answer('confirmImport', () => {
      if (token !== state.importPreview.token) reject('calendar.import_expired', 'Preview again.')
      const ok = state.importPreview.rows.filter((r) => r.problems.length === 0)
      for (const r of ok) state.posts.push(post({ id: `imp${r.line}`, title: r.text, localDate: day(5), localTime: '09:00' }))
      return ok.length
    }),
  ),
}

// The fake dictionary: the words it flags and their corrections; any other
// word is correct. Words are matched ignoring case, as the Go side does.
export const MISSPELT: Record<string, string[]> = {
  acceuil: ['accueil', 'accueils'],
  recieve: ['receive'],
  professionel: ['professionnel'],
  fournil: [],
}

// spellingOf answers like Composer.Spelling: offsets in UTF-16 units, as
// JavaScript counts them.
export function spellingOf(text: string): TextCheck & { voice: VoiceFinding[] } {
  const english = /\b(the|and|you|we|is|are|our)\b/i.test(text)
  const language = text.trim() === '' ? 'fr' : english ? 'en' : /\b(hola|gracias)\b/i.test(text) ? 'other' : 'fr'
  const misspellings: TextCheck['misspellings'] = []
  if (state.spellingReady && language !== 'other') {
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const w = m[0]
      const sugs = MISSPELT[w.toLowerCase()]
      if (!sugs || state.words.some((x) => x.toLowerCase() === w.toLowerCase())) continue
      misspellings.push({ word: w, start: m.index ?? 0, end: (m.index ?? 0) + w.length, suggestions: [...sugs] })
    }
  }
  return { language, ready: state.spellingReady, misspellings, voice: voiceOf(text), tags: tagsOf(text) }
}

// voiceOf answers like the voice part of Composer.Spelling, for forbidden
// words and the signature only; messages in English.
export function voiceOf(text: string): VoiceFinding[] {
  const out: VoiceFinding[] = []
  const lower = text.toLowerCase()
  for (const f of state.voice.forbidden) {
    const at = lower.indexOf(f.word.toLowerCase())
    if (f.word && at >= 0)
      out.push({ code: 'text.voice.forbidden_word', message: `“${f.word}” is on the brand’s list of words to avoid.`, start: at, end: at + f.word.length, suggestion: f.use })
  }
  const sig = state.voice.signature
  if (sig && text.trim() && !text.trimEnd().endsWith(sig))
    out.push({ code: 'text.voice.signature_missing', message: `The text must end with the signature “${sig}”.`, start: text.length, end: text.length, suggestion: sig })
  return out
}

export const composerModule = {
  spelling: vi.fn((text: string, _accountId = '') => answer('spelling', () => spellingOf(text))),
  addWord: vi.fn((word: string) =>
    answer('addWord', () => {
      if (!word.trim() || /\s/.test(word.trim())) reject('internal', 'This word cannot be added.')
      if (!state.words.some((x) => x.toLowerCase() === word.trim().toLowerCase())) state.words.push(word.trim())
    }),
  ),
  accounts: vi.fn(() => answer('accounts', () => state.accounts)),
  check: vi.fn((input: PostInput) => answer('check', () => checkOf(input))),
  getPost: vi.fn((id: string) => answer('getPost', () => findPost(id))),
  createPost: vi.fn((input: PostInput, date: string, time: string) =>
    answer('createPost', () => {
      const p = post({ id: `p${++seq}`, status: 'draft', localDate: '', localTime: '', revision: 1 })
      fromInput(p, input)
      if (date || time) {
        if (!checkOf(input).canSave) reject('post.invalid', 'Fix the problems first.')
        place(p, date, time)
      }
      state.posts.push(p)
      return p
    }),
  ),
  updatePost: vi.fn((id: string, revision: number, input: PostInput) =>
    answer('updatePost', () => {
      const p = findPost(id)
      if (p.revision !== revision) reject('post.conflict', 'This post was changed elsewhere in the meantime. Reload it and make your change again.')
      fromInput(p, input)
      p.revision++
      return p
    }),
  ),
  deletePost: vi.fn((id: string) =>
    answer('deletePost', () => {
      findPost(id)
      state.posts = state.posts.filter((p) => p.id !== id)
    }),
  ),
  setStatus: vi.fn((id: string, status: string) =>
    answer('setStatus', () => {
      const p = findPost(id)
      p.status = status
      p.revision++
      return p
    }),
  ),
  splitThread: vi.fn((accountId: string, text: string) =>
    answer('splitThread', () => {
      const a = state.accounts.find((x) => x.id === accountId)
      const limit = (a?.capabilities.textLimit ?? 300) - 6
      const parts: string[] = []
      for (let i = 0; i < text.length; i += limit) parts.push(text.slice(i, i + limit))
      return parts
    }),
  ),
  addMedia: vi.fn((_accountId: string, paths: string[]) =>
    answer('addMedia', () => paths.map((path): Media => ({ path, alt: '', mime: 'image/jpeg', size: 250_000, width: 1200, height: 800 }))),
  ),
  chooseMedia: vi.fn((_accountId: string) => answer('chooseMedia', () => state.chosenMedia)),
  // Weekly and daily by count only: the Go side's expansion (and its DST
  // rule) is tested in Go.
  previewRecurrence: vi.fn((r: Recurrence) =>
    answer('previewRecurrence', () => {
      if (r.count < 1) reject('calendar.recur_end_missing', 'Say until when, or how many times.')
      const step = r.unit === 'day' ? r.every : 7 * r.every
      return Array.from({ length: r.count }, (_, i) => {
        const d = addDays(r.start, i * step)
        return { at: `${d}T${r.time}:00Z`, localDate: d, localTime: r.time }
      })
    }),
  ),
  createRecurring: vi.fn(async (input: PostInput, r: Recurrence) => {
    const made: Post[] = []
    for (const o of await composerModule.previewRecurrence(r)) made.push(await composerModule.createPost(input, o.localDate, o.localTime))
    return made
  }),
}

// The backend's events: tests emit them with emit.postsChanged() and
// emit.postFailed(...).
const listeners: {
  changed: Array<() => void>
  failed: Array<(p: PostFailed) => void>
  open: Array<(id: string) => void>
  progress: Array<(p: ReportProgress) => void>
} = {
  changed: [],
  failed: [],
  open: [],
  progress: [],
}
const unlisten = <T>(list: T[], fn: T) => () => {
  const i = list.indexOf(fn)
  if (i >= 0) list.splice(i, 1)
}

export const eventsModule = {
  EVENT_POST_FAILED: 'post:failed',
  EVENT_POSTS_CHANGED: 'posts:changed',
  onPostsChanged: vi.fn((fn: () => void) => {
    listeners.changed.push(fn)
    return unlisten(listeners.changed, fn)
  }),
  onPostFailed: vi.fn((fn: (p: PostFailed) => void) => {
    listeners.failed.push(fn)
    return unlisten(listeners.failed, fn)
  }),
  onPostOpen: vi.fn((fn: (id: string) => void) => {
    listeners.open.push(fn)
    return unlisten(listeners.open, fn)
  }),
  EVENT_REPORT_PROGRESS: 'report:progress',
  onReportProgress: vi.fn((fn: (p: ReportProgress) => void) => {
    listeners.progress.push(fn)
    return unlisten(listeners.progress, fn)
  }),
}

export const emit = {
  postsChanged: () => [...listeners.changed].forEach((fn) => fn()),
  postFailed: (p: PostFailed) => [...listeners.failed].forEach((fn) => fn(p)),
  postOpen: (id: string) => [...listeners.open].forEach((fn) => fn(id)),
  reportProgress: (p: ReportProgress) => [...listeners.progress].forEach((fn) => fn(p)),
}

// The file drop handler the composer registered, for tests to call.
export const drops: { handler: ((paths: string[]) => void) | null } = { handler: null }

export const runtimeModule = {
  quit: vi.fn(),
  openExternal: vi.fn((_url: string) => true),
  copyText: vi.fn(async (_text: string) => true),
  onFileDrop: vi.fn((handle: (paths: string[]) => void) => {
    drops.handler = handle
    return () => {
      if (drops.handler === handle) drops.handler = null
    }
  }),
}

// ---- Accounts

function findAccount(id: string): AccountView {
  return state.accounts.find((a) => a.id === id) ?? reject('account.not_found', 'This account no longer exists.')
}

const bare = (handle: string) => handle.trim().replace(/^@+/, '')

// connected adds the account of network and handle, or reconnects the one
// the workspace already has, as connect.Connector.save does.
function connected(network: string, handle: string, over: Partial<AccountView> = {}): AccountView {
  const same = state.accounts.find((a) => a.network === network && bare(a.handle).toLowerCase() === bare(handle).toLowerCase())
  if (same?.status === 'demo') reject('connect.demo', `${same.handle} is a demo account: it publishes nowhere and cannot be connected.`)
  if (same) {
    Object.assign(same, { status: 'connected', health: 'connected', expiresAt: '' }, over)
    return same
  }
  const a = account(`a${++seq}`, network, { handle: `@${bare(handle)}`, displayName: bare(handle).split(/[.@]/)[0], ...over })
  state.accounts.push(a)
  return a
}

function mastodonHandleOn(f: FakeFlow): string {
  return `@fournil@${f.server.replace(/^https?:\/\//, '')}`
}

const FLOW_OVER = 'This authorization is over (finished, cancelled or expired). Start connecting the account again.'

// flowOf returns flow id, or throws like FinishMastodon on a flow that is over.
function flowOf(id: string): FakeFlow {
  return state.flows[id] ?? reject('connect.flow_unknown', FLOW_OVER)
}

export const accountsModule = {
  listAccounts: vi.fn(() => answer('listAccounts', () => state.accounts)),
  connectBluesky: vi.fn((handle: string, appPassword: string, service: string) =>
    answer('connectBluesky', () => {
      if (bare(handle) === '') reject('account.handle_required', 'Enter the handle.')
      if (appPassword === '') reject('bluesky.wrong_password', `Bluesky refused the handle ${handle} with this password.`)
      return connected('bluesky', handle, { server: service || 'https://bsky.social' })
    }),
  ),
  startMastodon: vi.fn((instance: string, pasteCode: boolean) =>
    answer('startMastodon', (): MastodonStart => {
      const host = instance.trim().replace(/^https?:\/\//, '').replace(/^.*@/, '').replace(/\/.*$/, '').toLowerCase()
      if (!host.includes('.')) reject('mastodon.address_invalid', `“${instance}” is not the address of a server.`)
      const flowId = `flow${++seq}`
      const server = `https://${host}`
      state.flows[flowId] = { instance, server, pasteCode, waiter: null }
      return { flowId, url: `${server}/oauth/authorize?client_id=ruche&state=${flowId}`, server, outOfBand: pasteCode }
    }),
  ),
  // With code "", the answer waits until a test calls mastodon.approve or
  // mastodon.deny, or the flow is cancelled.
  finishMastodon: vi.fn((flowId: string, code: string): Promise<AccountView> => {
    const p = state.fail.finishMastodon
    if (p) {
      delete state.fail.finishMastodon
      return Promise.reject(p)
    }
    const f = state.flows[flowId]
    if (!f) return answer('finishMastodon', (): AccountView => reject('connect.flow_unknown', FLOW_OVER))
    if (code === '') return new Promise<AccountView>((resolve, rej) => (f.waiter = { resolve, reject: rej })).then(clone)
    return answer('finishMastodon', () => {
      if (code.trim() !== 'good-code') reject('oauth.exchange_failed', 'The instance refused this code. Copy it again from the authorization page.')
      delete state.flows[flowId]
      return connected('mastodon', mastodonHandleOn(f), { server: f.server })
    })
  }),
  cancelMastodon: vi.fn((flowId: string) =>
    answer('cancelMastodon', () => {
      const f = state.flows[flowId]
      delete state.flows[flowId]
      f?.waiter?.reject({ code: 'oauth.closed', message: 'The authorization was cancelled.' })
    }),
  ),
  disconnectAccount: vi.fn((id: string) =>
    answer('disconnectAccount', () => {
      const a = findAccount(id)
      if (a.status !== 'demo') Object.assign(a, { status: 'disconnected', health: 'disconnected', expiresAt: '' })
      return a
    }),
  ),
  removeAccount: vi.fn((id: string) =>
    answer('removeAccount', () => {
      findAccount(id)
      state.accounts = state.accounts.filter((a) => a.id !== id)
    }),
  ),
  setNativeScheduling: vi.fn((id: string, on: boolean) =>
    answer('setNativeScheduling', () => {
      const a = findAccount(id)
      a.nativeScheduling = on && a.capabilities.nativeScheduling
      return a
    }),
  ),
}

// The browser's side of a Mastodon authorization waiting in FinishMastodon.
export const mastodon = {
  // the flows whose FinishMastodon(id, "") is waiting
  waiting: (): string[] => Object.keys(state.flows).filter((id) => state.flows[id].waiter),
  approve(flowId = mastodon.waiting()[0]) {
    const f = flowOf(flowId)
    delete state.flows[flowId]
    f.waiter?.resolve(connected('mastodon', mastodonHandleOn(f), { server: f.server }))
  },
  deny(p: Problem, flowId = mastodon.waiting()[0]) {
    const f = flowOf(flowId)
    delete state.flows[flowId]
    f.waiter?.reject(p)
  },
}

// ---- Analytics

const NNBSP = '\u202f'

// previousOf is the period a period is compared with, as analytics.Period.Previous.
export function previousOf(from: string, to: string): { from: string; to: string } {
  const [y, m] = from.split('-').map(Number)
  const wholeMonth = from.endsWith('-01') && shiftDays(to, 1).endsWith('-01') && from.slice(0, 7) === to.slice(0, 7)
  if (wholeMonth) {
    const first = m === 1 ? `${y - 1}-12-01` : `${y}-${String(m - 1).padStart(2, '0')}-01`
    return { from: first, to: shiftDays(from, -1) }
  }
  const n = daysBetween(from, to)
  return { from: shiftDays(from, -n), to: shiftDays(from, -1) }
}

export function tile(key: string, over: Partial<Tile> = {}): Tile {
  return {
    key,
    label: key,
    how: `analytics.how.${key}`,
    unit: 'count',
    value: 0,
    known: true,
    previous: 0,
    previousKnown: true,
    change: 0,
    changeKnown: true,
    delta: 0,
    trend: 'flat',
    text: '0',
    previousText: '0',
    changeText: '0%',
    ...over,
  }
}

// The tiles of the fake dashboard, written as the backend writes them.
function tilesOf(lang: string): Tile[] {
  const fr = lang === 'fr'
  return [
    tile('followers', {
      label: fr ? 'Abonnés' : 'Followers',
      value: 1234, previous: 1180, change: 4.58, delta: 54, trend: 'up',
      text: fr ? `1${NNBSP}234` : '1,234', previousText: fr ? `1${NNBSP}180` : '1,180', changeText: fr ? `+4,6${NNBSP}%` : '+4.6%',
    }),
    tile('engagement_rate', {
      label: fr ? 'Taux d’engagement' : 'Engagement rate', unit: 'percent',
      value: 4.2, previous: 3.8, change: 10.53, delta: 0.4, trend: 'up',
      text: fr ? `4,2${NNBSP}%` : '4.2%', previousText: fr ? `3,8${NNBSP}%` : '3.8%', changeText: fr ? `+10,5${NNBSP}%` : '+10.5%',
    }),
    tile('publications', {
      label: 'Publications',
      value: 12, previous: 15, change: -20, delta: -3, trend: 'down',
      text: '12', previousText: '15', changeText: fr ? `−20,0${NNBSP}%` : '−20.0%',
    }),
    tile('replies_per_post', {
      label: fr ? 'Réponses par publication' : 'Replies per publication', unit: 'per_post',
      value: 1.5, previous: 1.5, change: 0, delta: 0, trend: 'flat',
      text: fr ? '1,5' : '1.5', previousText: fr ? '1,5' : '1.5', changeText: fr ? `0,0${NNBSP}%` : '0.0%',
    }),
    tile('impressions', {
      label: 'Impressions', known: false, previousKnown: false, changeKnown: false, trend: undefined,
      text: '–', previousText: '–', changeText: '–',
    }),
    tile('answered_share', {
      label: fr ? 'Messages répondus' : 'Messages answered', unit: 'percent',
      value: 80, previous: 72.7, change: 10.04, delta: 7.3, trend: 'up',
      text: fr ? `80,0${NNBSP}%` : '80.0%', previousText: fr ? `72,7${NNBSP}%` : '72.7%', changeText: fr ? `+10,0${NNBSP}%` : '+10.0%',
    }),
    tile('first_response', {
      label: fr ? 'Première réponse (médiane)' : 'First response (median)', unit: 'minutes', lowerIsBetter: true,
      value: 65, previous: 95, change: -31.58, delta: -30, trend: 'down',
      text: fr ? '1 h 05' : '1 h 05 min', previousText: fr ? '1 h 35' : '1 h 35 min', changeText: fr ? `−31,6${NNBSP}%` : '−31.6%',
    }),
  ]
}

// fan is one of the most active people, as analytics.Fan.
export function fan(over: Partial<Fan> = {}): Fan {
  return {
    network: 'bluesky',
    actorId: 'did:plc:camille',
    handle: '@camille-durand.bsky.social',
    name: 'Camille Durand',
    interactions: 14,
    likes: 8,
    reposts: 2,
    replies: 3,
    quotes: 1,
    last: '2025-11-23T18:12:00Z',
    ...over,
  }
}

// The most active people of the fake dashboard, most first.
function fansOf(): Fan[] {
  return [
    fan(),
    fan({ network: 'mastodon', actorId: '109001', handle: '@lea@piaille.fr', name: '', interactions: 11, likes: 5, reposts: 1, replies: 5, quotes: 0, last: '2025-11-22T09:40:00Z' }),
    fan({ actorId: 'did:plc:julien', handle: '@julienpetit.bsky.social', name: 'Julien Petit', interactions: 9, likes: 7, reposts: 1, replies: 1, quotes: 0, last: '2025-11-20T12:05:00Z' }),
    fan({ network: 'mastodon', actorId: '109002', handle: '@fromagerie@mastodon.social', name: 'Fromagerie Lucas', interactions: 6, likes: 3, reposts: 2, replies: 1, quotes: 0, last: '2025-11-18T16:30:00Z' }),
    fan({ actorId: 'did:plc:ines', handle: '@ines.bsky.social', name: 'Inès Moreau', interactions: 4, likes: 2, reposts: 0, replies: 2, quotes: 0, last: '2025-11-15T07:55:00Z' }),
  ]
}

// responses is how soon the accounts answered, as analytics.Responses:
// 12 of 15 replies and mentions answered, the median in 1 h 05, three
// quarters within the hour.
export function responses(over: Partial<Responses> = {}): Responses {
  return { received: 15, answered: 12, answeredShare: 80, shareKnown: true, medianMinutes: 65, medianKnown: true, withinHour: 75, ...over }
}

const NO_RESPONSES: Responses = { received: 0, answered: 0, answeredShare: 0, shareKnown: false, medianMinutes: 0, medianKnown: false, withinHour: 0 }

export const FRESH_AT = '2025-11-24T09:55:00Z'

// A best-time heatmap as the backend draws it: hours 8–20 across, the
// days of the week down, the mean engagement rate in each cell.
function bestTimeOption(fr: boolean): unknown {
  const hours = Array.from({ length: 13 }, (_, i) => `${i + 8}${fr ? '\u00a0h' : ':00'}`)
  const days = fr ? ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'] : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
  const data: number[][] = []
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 13; h++) {
      if ((d * 5 + h * 3) % 4 === 0) continue // no publication in that slot
      const rate = 1.5 + ((d * 7 + h * 11) % 9) * 0.45 + (h === 1 || h === 10 ? 1.2 : 0)
      data.push([h, d, Math.round(rate * 10) / 10])
    }
  }
  return {
    grid: { left: 48, right: 16, top: 8, bottom: 64 },
    xAxis: { type: 'category', data: hours, splitArea: { show: true } },
    yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: 6, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120 },
    series: [{ type: 'heatmap', data }],
  }
}

function chartsOf(lang: string): Chart[] {
  const fr = lang === 'fr'
  return [
    {
      kind: 'followers',
      title: fr ? 'Évolution des abonnés' : 'Followers over time',
      option: {
        title: { text: fr ? 'Évolution des abonnés' : 'Followers over time', left: 'center' },
        xAxis: { type: 'category', data: ['1', '2', '3'] },
        yAxis: { type: 'value', min: 0 },
        series: [{ type: 'line', name: 'Bluesky · @martin', data: [1180, 1200, 1234] }],
      },
      freshness: FRESH_AT,
      empty: false,
      printable: true,
    },
    {
      kind: 'interactions_by_type',
      title: fr ? 'Interactions par type' : 'Interactions by type',
      option: { series: [{ type: 'pie', radius: ['40%', '70%'], data: [{ name: 'Likes', value: 40 }] }] },
      freshness: '2025-11-22T10:00:00Z',
      empty: false,
      printable: true,
    },
    {
      kind: 'objectives',
      title: fr ? 'Objectifs' : 'Objectives',
      option: { series: [] },
      empty: true,
      printable: true,
    },
    {
      kind: 'best_time',
      title: fr ? 'Meilleur moment pour publier' : 'Best time to post',
      option: bestTimeOption(fr),
      freshness: '0001-01-01T00:00:00Z',
      empty: false,
      printable: false,
    },
  ]
}

export function topPost(over: Partial<TopPost> = {}): TopPost {
  return {
    workspaceId: 'w1',
    postId: 'p3',
    accountId: 'a-bsky',
    network: 'bluesky',
    title: 'Le pain du jour',
    publishedAt: '2025-11-20T08:00:00Z',
    latest: { likes: 1200, reposts: 8, replies: 3, quotes: 1, impressions: 0 },
    interactions: 1212,
    followers: 1200,
    followersKnown: true,
    rate: 4.25,
    rateKnown: true,
    impressionRate: 0,
    impressionRateKnown: false,
    deleted: false,
    handle: '@martin.bluesky',
    ...over,
  }
}

// dashboardOf is the fake's dashboard of a period in a language.
export function dashboardOf(from: string, to: string, lang: string, empty = false): Dashboard {
  return {
    workspaceId: 'w1',
    lang,
    period: { from, to },
    previous: previousOf(from, to),
    generatedAt: '2025-11-24T10:00:00Z',
    empty,
    tiles: tilesOf(lang),
    charts: empty ? chartsOf(lang).map((c) => ({ ...c, empty: true, freshness: undefined })) : chartsOf(lang),
    topPosts: empty ? [] : [topPost(), topPost({ postId: 'p2', accountId: 'a-masto', network: 'mastodon', title: 'Coulisses du fournil', handle: '@martin.mastodon', rateKnown: false })],
    fans: empty ? [] : fansOf(),
    responses: empty ? { ...NO_RESPONSES } : responses(),
  }
}

let pdfWaiter: { resolve: (path: string) => void } | null = null

export const analyticsModule = {
  choices: vi.fn(() => answer('choices', () => state.analytics.choices)),
  dashboard: vi.fn((from: string, to: string, filter: DashboardFilter) =>
    answer('dashboard', () => {
      if (to < from) reject('analytics.period_invalid', `The period from ${from} to ${to} is not valid: choose a first day on or before the last one.`)
      const lang = state.info.language
      return state.analytics.dashboard?.(from, to, filter, lang) ?? dashboardOf(from, to, lang, state.analytics.empty)
    }),
  ),
  analysis: vi.fn((from: string, to: string) => answer('analysis', () => state.analytics.analyses[`${from}/${to}`] ?? '')),
  saveAnalysis: vi.fn((from: string, to: string, text: string) =>
    answer('saveAnalysis', () => {
      state.analytics.analyses[`${from}/${to}`] = text
    }),
  ),
  exportPDF: vi.fn((_from: string, _to: string, _lang: string, _agency: string): Promise<string> => {
    const p = state.fail.exportPDF
    if (p) {
      delete state.fail.exportPDF
      return Promise.reject(p)
    }
    if (state.analytics.holdPdf) return new Promise<string>((resolve) => (pdfWaiter = { resolve }))
    return Promise.resolve().then(() => {
      if (state.analytics.pdfPath !== '') for (let i = 1; i <= 3; i++) emit.reportProgress({ done: i, total: 3 })
      return state.analytics.pdfPath
    })
  }),
  exportCSV: vi.fn((_from: string, _to: string) => answer('exportCSV', () => state.analytics.csvPath)),
  figures: vi.fn((from: string, to: string) =>
    answer('figures', () => state.analytics.figures.filter((f) => f.day >= from && f.day <= to)),
  ),
  saveFigure: vi.fn((f: Omit<Figure, 'source'>) =>
    answer('saveFigure', () => {
      const subject = f.kind === 'followers' ? f.subject.trim().toLowerCase() : f.subject.trim().replace(/\s+/g, ' ')
      if (!FAKE_FIGURE_KINDS.includes(f.kind)) reject('analytics.manual_kind', `“${f.kind}” is not a kind of figure.`)
      if (!/^\d{4}-\d{2}-\d{2}$/.test(f.day)) reject('analytics.manual_day', `“${f.day}” is not a day.`)
      if (!(f.value >= 0)) reject('analytics.manual_value', `“${f.value}” is not a figure Ruche can keep: give a number, zero or more.`)
      if (f.kind === 'followers' && !FAKE_NETWORKS.includes(subject))
        reject('analytics.manual_network', `Say which network these followers are on (“${subject}” is not one Ruche knows).`)
      const saved: Figure = { day: f.day, kind: f.kind, subject, value: f.value, source: 'typed' }
      const list = state.analytics.figures
      const i = list.findIndex((x) => x.day === saved.day && x.kind === saved.kind && x.subject === saved.subject)
      if (i >= 0) list[i] = saved
      else list.push(saved)
      return saved
    }),
  ),
  deleteFigure: vi.fn((day: string, kind: string, subject: string) =>
    answer('deleteFigure', () => {
      const list = state.analytics.figures
      const i = list.findIndex((x) => x.day === day && x.kind === kind && x.subject === subject)
      if (i < 0) reject('analytics.manual_not_found', 'This figure no longer exists.')
      list.splice(i, 1)
    }),
  ),
  previewFiguresImport: vi.fn(() => answer('previewFiguresImport', () => state.analytics.figuresPreview)),
  confirmFiguresImport: vi.fn((token: string) =>
    answer('confirmFiguresImport', () => {
      const p = state.analytics.figuresPreview
      if (token === '' || token !== p.token) reject('api.import_expired', 'This import preview has expired: open the file again.')
      const ok = p.rows.filter((r) => r.problems.length === 0)
      for (const r of ok) {
        for (const [kind, v] of [['website_sessions', r.sessions], ['website_users', r.users]] as const) {
          if (v === undefined || v === null) continue
          const f: Figure = { day: r.day, kind, subject: r.source, value: v, source: 'google_analytics' }
          const list = state.analytics.figures
          const i = list.findIndex((x) => x.day === f.day && x.kind === f.kind && x.subject === f.subject)
          if (i >= 0) list[i] = f
          else list.push(f)
        }
      }
      p.token = ''
      return ok.length
    }),
  ),
  objectives: vi.fn(() => answer('objectives', () => state.analytics.objectives)),
  saveObjective: vi.fn((id: string, o: Omit<Objective, 'id'>) =>
    answer('saveObjective', () => {
      const network = o.network.trim().toLowerCase()
      if (!FAKE_OBJECTIVE_KINDS.includes(o.kind)) reject('analytics.objective_kind', `“${o.kind}” is not a kind of objective.`)
      if (!(o.target > 0)) reject('analytics.objective_target', 'Give the objective a target above zero.')
      if (!/^\d{4}-\d{2}-\d{2}$/.test(o.start) || !/^\d{4}-\d{2}-\d{2}$/.test(o.deadline) || o.deadline < o.start)
        reject('analytics.objective_dates', 'Give the objective a start and a deadline on or after it.')
      if (network !== '' && !FAKE_NETWORKS.includes(network))
        reject('analytics.objective_network', `“${network}” is not a network Ruche knows.`)
      const list = state.analytics.objectives
      const saved: Objective = { ...o, id: id || `o${++seq}`, network, note: o.note.trim() }
      if (id === '') list.push(saved)
      else {
        const i = list.findIndex((x) => x.id === id)
        if (i < 0) reject('analytics.objective_not_found', 'This objective no longer exists.')
        list[i] = saved
      }
      return saved
    }),
  ),
  deleteObjective: vi.fn((id: string) =>
    answer('deleteObjective', () => {
      const list = state.analytics.objectives
      const i = list.findIndex((x) => x.id === id)
      if (i < 0) reject('analytics.objective_not_found', 'This objective no longer exists.')
      list.splice(i, 1)
    }),
  ),
  reportPlan: vi.fn(() => answer('reportPlan', () => state.analytics.plan)),
  planMonthlyReport: vi.fn((lang: string, agency: string) =>
    answer('planMonthlyReport', () => {
      const folder = state.analytics.folder
      if (folder === '') return state.analytics.plan
      const last = state.analytics.plan.last || '2025-09'
      state.analytics.plan = { folder, lang, agency, last }
      return state.analytics.plan
    }),
  ),
  stopMonthlyReport: vi.fn(() =>
    answer('stopMonthlyReport', () => {
      state.analytics.plan = { folder: '', lang: '', agency: '', last: '' }
    }),
  ),
}

const FAKE_FIGURE_KINDS = ['ad_spend', 'website_sessions', 'website_users', 'followers']
const FAKE_OBJECTIVE_KINDS = ['follower_growth', 'engagement_rate', 'posts_per_week', 'response_time']
const FAKE_NETWORKS = ['bluesky', 'mastodon', 'x', 'threads', 'linkedin', 'instagram', 'testnet']

// The backend's side of a held ExportPDF.
export const report = {
  waiting: (): boolean => pdfWaiter !== null,
  finish(path = state.analytics.pdfPath) {
    const w = pdfWaiter
    pdfWaiter = null
    w?.resolve(path)
  },
}

// tagsOf offers the past hashtags of state.pastTags the text lacks, those
// it speaks of first (related), as Composer.Spelling does.
function tagsOf(text: string): { tag: string; related: boolean }[] {
  const lower = text.toLowerCase()
  const out = state.pastTags
    .filter((t) => !lower.includes(`#${t.toLowerCase()}`))
    .map((t) => ({ tag: t, related: lower.includes(t.toLowerCase()) }))
  return [...out.filter((t) => t.related), ...out.filter((t) => !t.related)]
}
