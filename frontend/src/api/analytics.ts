// The Analytics facade of the Go backend, typed: the current workspace's
// dashboard for a period (KPI tiles, ECharts options built in Go, top
// posts, the most active people and how soon they were answered), the "analysis and recommendations" kept per period, and the
// exports (a client report as a PDF, every figure as CSV). Every function
// rejects with a Problem {code, message}.
//
// The generated models do not say what crosses the bridge for a few Go
// types: a calendar.Day is "YYYY-MM-DD" (MarshalText), an instant is RFC
// 3339, and a chart's option (a json.RawMessage, typed number[]) is the
// ECharts option itself, a plain JSON object. The types below say so.
import * as A from '../../wailsjs/go/api/Analytics'
import type { analytics, api } from '../../wailsjs/go/models'
import { call } from './call'

import type { Problem } from '../lib/problem'
export type { Problem }

type Plain<T> = T extends readonly (infer U)[]
  ? Plain<U>[]
  : T extends object
    ? { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: Plain<T[K]> }
    : T

// Local days of the workspace, both included: "YYYY-MM-DD".
export interface Period {
  from: string
  to: string
}

// How a tile's value reads (backend analytics.Unit): a whole number, a
// percentage (4.2 = 4.2 %), publications a week, a mean per publication,
// money in cents, a duration in minutes.
export type TileUnit = 'count' | 'percent' | 'per_week' | 'per_post' | 'cents' | 'minutes'

// One KPI of the period with the same KPI over the previous period. text,
// previousText and changeText are written by the backend in the window's
// language ("1 234", "4,2 %", "+12,5 %", "1 h 05"; "–" when unknown); how
// is the code of the "how is this computed" text (analytics.how.<key>);
// trend is "up", "down", "flat", or absent when either value is unknown;
// lowerIsBetter is set on a KPI that improves as it falls (first_response).
export type Tile = Omit<Plain<analytics.Tile>, 'unit'> & { unit: TileUnit }

// One chart: option is the ECharts 5 option (an object; treat it as
// unknown), freshness the oldest refresh time of its data (RFC 3339,
// absent or zero when nothing behind it was ever read).
export type Chart = Omit<Plain<analytics.Chart>, 'option' | 'freshness'> & {
  option: unknown
  freshness?: string
}

// The counters read at one checkpoint.
export interface Reading {
  checkpoint?: string
  likes: number
  reposts: number
  replies: number
  quotes: number
  impressions: number
  readAt?: string
}

// A publication among the top posts: its title comes from the user or the
// network, so it is shown as text only. rate is a percentage (4.2 = 4.2 %).
export type TopPost = Omit<Plain<analytics.TopPost>, 'publishedAt' | 'latest' | 'goneAt' | 'readings'> & {
  publishedAt: string
  latest?: Reading
  goneAt?: string
}

// One of the period's most active people (backend analytics.Fan): handle
// and name come from the internet, so they are shown as text only.
// interactions = likes + reposts + replies (replies and mentions) +
// quotes; last is the time of their latest interaction (RFC 3339).
export type Fan = Omit<Plain<analytics.Fan>, 'last'> & { last: string }

// How soon the accounts answered the period's replies and mentions:
// answeredShare (0–100) is known when something was received (shareKnown),
// the median first response in minutes and the share answered within the
// hour (0–100) when something was answered (medianKnown).
export type Responses = Plain<analytics.Responses>

export type DashboardFilter = Plain<api.DashboardFilter>
export type FilterChoice = Plain<api.FilterChoice>
// What the filters offer; today is the workspace's current local day.
export type DashboardChoices = Plain<api.DashboardChoices>

// Everything the screen shows for a period. empty is set when the period
// has no figure at all (the screen says so rather than show zeros).
export interface Dashboard {
  workspaceId: string
  lang: string
  period: Period
  previous: Period
  generatedAt: string
  empty: boolean
  tiles: Tile[]
  charts: Chart[]
  topPosts: TopPost[]
  fans: Fan[]
  responses: Responses
}

const asPeriod = (v: unknown): Period => {
  const p = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>
  return { from: typeof p.from === 'string' ? p.from : '', to: typeof p.to === 'string' ? p.to : '' }
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0)

const asResponses = (v: unknown): Responses => {
  const r = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>
  return {
    received: num(r.received),
    answered: num(r.answered),
    answeredShare: num(r.answeredShare),
    shareKnown: r.shareKnown === true,
    medianMinutes: num(r.medianMinutes),
    medianKnown: r.medianKnown === true,
    withinHour: num(r.withinHour),
  }
}

// A Go nil slice arrives as null: the lists are always arrays here.
function asDashboard(raw: analytics.Dashboard): Dashboard {
  const d = raw as unknown as Record<string, unknown>
  return {
    workspaceId: String(d.workspaceId ?? ''),
    lang: String(d.lang ?? ''),
    period: asPeriod(d.period),
    previous: asPeriod(d.previous),
    generatedAt: typeof d.generatedAt === 'string' ? d.generatedAt : '',
    empty: d.empty === true,
    tiles: (d.tiles as Tile[] | null) ?? [],
    charts: (d.charts as Chart[] | null) ?? [],
    topPosts: (d.topPosts as TopPost[] | null) ?? [],
    fans: (d.fans as Fan[] | null) ?? [],
    responses: asResponses(d.responses),
  }
}

export const choices = (): Promise<DashboardChoices> =>
  call(() => A.Choices()).then((c) => ({ networks: c?.networks ?? [], accounts: c?.accounts ?? [], today: c?.today ?? '' }))

// dashboard returns the dashboard of the local days from..to (both
// included), compared with the period before, narrowed by filter.
export const dashboard = (from: string, to: string, filter: DashboardFilter): Promise<Dashboard> =>
  call(() => A.Dashboard(from, to, filter as api.DashboardFilter)).then(asDashboard)

// analysis returns the "analysis and recommendations" written for from..to.
export const analysis = (from: string, to: string): Promise<string> => call(() => A.Analysis(from, to)).then((s) => s ?? '')
export const saveAnalysis = (from: string, to: string, text: string): Promise<void> =>
  call(() => A.SaveAnalysis(from, to, text))

// The exports open a save dialog and return the path, "" when cancelled.
// exportPDF writes the client report in lang ("fr", "en"; "" is the
// workspace's), prepared by agency; its progress arrives as
// report:progress events (onReportProgress).
export const exportPDF = (from: string, to: string, lang: string, agency: string): Promise<string> =>
  call(() => A.ExportPDF(from, to, lang, agency)).then((p) => p ?? '')
export const exportCSV = (from: string, to: string): Promise<string> => call(() => A.ExportCSV(from, to)).then((p) => p ?? '')

// ---- Typed figures, objectives and the monthly report

// A figure typed or imported for one local day: kind "ad_spend" (value in
// cents), "website_sessions", "website_users" (subject: the "source /
// medium", "" for the whole site) or "followers" (subject: the network);
// source is "typed" or "google_analytics".
export type Figure = Plain<api.Figure>

// An objective of the workspace: kind "follower_growth" (followers won),
// "engagement_rate" (%), "posts_per_week" or "response_time" (minutes);
// network "" for every network; start and deadline are local days.
export type Objective = Plain<api.Objective>

// One row of a Google Analytics export with its problems (translated);
// without any, the row is imported.
export type FiguresImportRow = Omit<Plain<api.FiguresImportRow>, 'problems'> & { problems: Problem[] }

// What a Google Analytics export would import; cancelled when the dialog
// was closed; token confirms it (confirmFiguresImport).
export type FiguresImportPreview = Omit<Plain<api.FiguresImportPreview>, 'rows'> & { rows: FiguresImportRow[] }

// The monthly client report written by itself to a folder ("" when there
// is none), in lang, prepared by agency; last is the last month written
// ("YYYY-MM").
export type ReportPlan = Plain<api.ReportPlan>

const asPlan = (p: api.ReportPlan | null | undefined): ReportPlan => ({
  folder: p?.folder ?? '',
  lang: p?.lang ?? '',
  agency: p?.agency ?? '',
  last: p?.last ?? '',
})

// figures returns the figures typed or imported for the local days from..to.
export const figures = (from: string, to: string): Promise<Figure[]> => call(() => A.Figures(from, to)).then((l) => l ?? [])
// saveFigure types a figure; it replaces the one of the same day, kind and subject.
export const saveFigure = (f: Omit<Figure, 'source'>): Promise<Figure> =>
  call(() => A.SaveFigure({ ...f, source: 'typed' } as api.Figure))
export const deleteFigure = (day: string, kind: string, subject: string): Promise<void> =>
  call(() => A.DeleteFigure(day, kind, subject))

// previewFiguresImport opens a file dialog and says what the file would
// import; nothing is saved before confirmFiguresImport(token), which
// returns how many figures it saved.
export const previewFiguresImport = (): Promise<FiguresImportPreview> =>
  call(() => A.PreviewFiguresImport()).then((p) => ({
    cancelled: p?.cancelled === true,
    path: p?.path ?? '',
    token: p?.token ?? '',
    valid: p?.valid ?? 0,
    rows: (p?.rows ?? []).map((r) => ({ ...r, problems: (r.problems as Problem[] | null) ?? [] })),
  }))
export const confirmFiguresImport = (token: string): Promise<number> => call(() => A.ConfirmFiguresImport(token)).then((n) => n ?? 0)

export const objectives = (): Promise<Objective[]> => call(() => A.Objectives()).then((l) => l ?? [])
// saveObjective creates (id "") or changes an objective.
export const saveObjective = (id: string, o: Omit<Objective, 'id'>): Promise<Objective> =>
  call(() => A.SaveObjective(id, { ...o, id } as api.Objective))
export const deleteObjective = (id: string): Promise<void> => call(() => A.DeleteObjective(id))

export const reportPlan = (): Promise<ReportPlan> => call(() => A.ReportPlan()).then(asPlan)
// planMonthlyReport opens a folder dialog; a cancelled one changes nothing
// and returns the plan as it is.
export const planMonthlyReport = (lang: string, agency: string): Promise<ReportPlan> =>
  call(() => A.PlanMonthlyReport(lang, agency)).then(asPlan)
export const stopMonthlyReport = (): Promise<void> => call(() => A.StopMonthlyReport())
