/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from './App.vue'
import { makeI18n } from './i18n'
import en from './locales/en.json'
import fr from './locales/fr.json'
import {
  analyticsModule as api,
  dashboardOf,
  emit,
  fan,
  report,
  reset,
  responses,
  state,
  tile,
  topPost,
  workspace,
} from './test/fake-backend'

vi.mock('./api/settings', () => import('./test/fake-backend').then((m) => m.settingsModule))
vi.mock('./api/runtime', () => import('./test/fake-backend').then((m) => m.runtimeModule))
vi.mock('./api/calendar', () => import('./test/fake-backend').then((m) => m.calendarModule))
vi.mock('./api/composer', () => import('./test/fake-backend').then((m) => m.composerModule))
vi.mock('./api/events', () => import('./test/fake-backend').then((m) => m.eventsModule))
vi.mock('./api/accounts', () => import('./test/fake-backend').then((m) => m.accountsModule))
vi.mock('./api/analytics', () => import('./test/fake-backend').then((m) => m.analyticsModule))

// echarts, as the window loads it (lazily): each chart made records the
// options it is given.
const echarts = vi.hoisted(() => {
  const made: Array<{ el: HTMLElement; setOption: ReturnType<typeof vi.fn>; dispose: ReturnType<typeof vi.fn> }> = []
  const init = vi.fn((el: HTMLElement) => {
    const chart = { el, setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() }
    made.push(chart)
    return chart
  })
  return { made, init }
})
vi.mock('echarts', () => ({ init: echarts.init }))

const NNBSP = '\u202f'
const NBSP = '\u00a0'

let wrapper: VueWrapper | null = null

async function settle() {
  for (let i = 0; i < 10; i++) await flushPromises()
}

async function openAnalytics(lang: 'en' | 'fr' = 'en'): Promise<VueWrapper> {
  state.info.language = lang
  wrapper = mount(App, { global: { plugins: [createPinia(), makeI18n(lang)] }, attachTo: document.body })
  await settle()
  await wrapper.find('[data-testid="nav-analytics"]').trigger('click')
  await settle()
  return wrapper
}

const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
const tileOf = (w: VueWrapper, key: string) => w.find(`[data-testid="analytics-tile"][data-key="${key}"]`)
const chartOf = (w: VueWrapper, kind: string) => w.find(`[data-testid="analytics-chart"][data-kind="${kind}"]`)
const toasts = (w: VueWrapper) => w.findAll('[data-testid="toast"] .msg').map((t) => t.text())
const lastDashboardCall = () => api.dashboard.mock.calls[api.dashboard.mock.calls.length - 1]

function press(key: string) {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}

beforeEach(() => {
  reset()
  echarts.made.length = 0
  echarts.init.mockClear()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  localStorage.clear()
  vi.useRealTimers()
})

describe('the Analytics screen', () => {
  it('sits after Accounts in the sidebar, in both languages', async () => {
    const w = await openAnalytics('fr')
    const nav = w.findAll('.nav-item').map((b) => b.attributes('data-testid'))
    expect(nav.indexOf('nav-analytics')).toBe(nav.indexOf('nav-accounts') + 1)
    expect(byId(w, 'nav-analytics').text()).toBe('Statistiques')
    expect(byId(w, 'nav-analytics').attributes('aria-current')).toBe('page')
    expect(byId(w, 'analytics-title').text()).toBe('Statistiques')
    expect(byId(w, 'analytics-subtitle').text()).toContain(`«${NBSP}Boulangerie Martin${NBSP}»`)
  })

  it('shows the KPI tiles with their French figures, arrows and previous values', async () => {
    const w = await openAnalytics('fr')
    expect(w.findAll('[data-testid="analytics-tile"]')).toHaveLength(7)

    const followers = tileOf(w, 'followers')
    expect(followers.find('[data-testid="tile-label"]').text()).toBe('Abonnés')
    expect(followers.find('[data-testid="tile-value"]').text()).toBe(`1${NNBSP}234`)
    expect(followers.find('[data-testid="tile-arrow"]').text()).toBe('▲')
    expect(followers.find('[data-testid="tile-change"]').text()).toContain(`+4,6${NNBSP}%`)
    expect(followers.find('[data-testid="tile-change"]').attributes('data-tone')).toBe('good')
    expect(followers.find('[data-testid="tile-change"]').text()).toContain('en hausse, bonne nouvelle')
    expect(followers.find('[data-testid="tile-previous"]').text()).toBe(`Période précédente${NBSP}: 1${NNBSP}180`)

    const posts = tileOf(w, 'publications')
    expect(posts.find('[data-testid="tile-arrow"]').text()).toBe('▼')
    expect(posts.find('[data-testid="tile-change"]').text()).toContain(`−20,0${NNBSP}%`)
    expect(posts.find('[data-testid="tile-change"]').attributes('data-tone')).toBe('bad')

    expect(tileOf(w, 'engagement_rate').find('[data-testid="tile-value"]').text()).toBe(`4,2${NNBSP}%`)
    expect(tileOf(w, 'replies_per_post').find('[data-testid="tile-arrow"]').text()).toBe('▬')
    expect(tileOf(w, 'replies_per_post').find('[data-testid="tile-change"]').attributes('data-tone')).toBe('neutral')

    const unknown = tileOf(w, 'impressions')
    expect(unknown.find('[data-testid="tile-arrow"]').exists()).toBe(false)
    expect(unknown.find('[data-testid="tile-value"]').text()).toBe('–')
  })

  it('colours a lower response time as good news', async () => {
    state.analytics.dashboard = (from, to, _f, lang) => ({
      ...dashboardOf(from, to, lang),
      tiles: [tile('response_time', { label: 'Response time', trend: 'down', text: '1.5 h', changeText: '−25.0%' })],
    })
    const w = await openAnalytics()
    const change = tileOf(w, 'response_time').find('[data-testid="tile-change"]')
    expect(change.text()).toContain('▼')
    expect(change.attributes('data-tone')).toBe('good')
  })

  it('colours a first response that got quicker as good news, as the backend says', async () => {
    const w = await openAnalytics('fr')
    const first = tileOf(w, 'first_response')
    expect(first.find('[data-testid="tile-label"]').text()).toBe('Première réponse (médiane)')
    expect(first.find('[data-testid="tile-value"]').text()).toBe('1 h 05')
    expect(first.find('[data-testid="tile-arrow"]').text()).toBe('▼')
    expect(first.find('[data-testid="tile-change"]').attributes('data-tone')).toBe('good')
    expect(first.find('[data-testid="tile-change"]').classes()).toContain('good')
    expect(first.find('[data-testid="tile-change"]').text()).toContain('en baisse, bonne nouvelle')
    expect(tileOf(w, 'answered_share').find('[data-testid="tile-change"]').attributes('data-tone')).toBe('good')
    await first.find('[data-testid="tile-how"]').trigger('click')
    expect(first.find('[data-testid="infotip-text"]').text()).toContain('la valeur du milieu (la médiane)')
  })

  it('colours a first response that got slower as bad news', async () => {
    state.analytics.dashboard = (from, to, _f, lang) => ({
      ...dashboardOf(from, to, lang),
      tiles: [tile('first_response', { label: 'First response (median)', unit: 'minutes', lowerIsBetter: true, trend: 'up', text: '2 h', changeText: '+20.0%' })],
    })
    const w = await openAnalytics()
    const change = tileOf(w, 'first_response').find('[data-testid="tile-change"]')
    expect(change.text()).toContain('▲')
    expect(change.attributes('data-tone')).toBe('bad')
  })

  it('explains how each figure is computed, and closes with Escape', async () => {
    const w = await openAnalytics('fr')
    const button = tileOf(w, 'engagement_rate').find('[data-testid="tile-how"]')
    expect(button.attributes('aria-label')).toBe(`Comment «${NBSP}Taux d’engagement${NBSP}» est-il calculé${NBSP}?`)
    expect(button.attributes('aria-expanded')).toBe('false')
    await button.trigger('click')
    const tip = tileOf(w, 'engagement_rate').find('[data-testid="infotip-text"]')
    expect(tip.text()).toContain('Interactions (j’aime, partages, réponses, citations)')
    expect(tip.attributes('role')).toBe('tooltip')
    expect(button.attributes('aria-expanded')).toBe('true')
    expect(button.attributes('aria-describedby')).toBe(tip.attributes('id'))
    press('Escape')
    await settle()
    expect(tileOf(w, 'engagement_rate').find('[data-testid="infotip-text"]').exists()).toBe(false)
  })

  it('opens on the last 30 days of the workspace’s today, compared with the 30 before', async () => {
    const w = await openAnalytics()
    expect(api.choices).toHaveBeenCalled()
    expect(lastDashboardCall()).toEqual(['2025-10-26', '2025-11-24', { networks: [], accounts: [], pillars: [], campaigns: [] }])
    expect((byId(w, 'analytics-preset').element as HTMLSelectElement).value).toBe('last_30')
    expect(byId(w, 'analytics-compared').text()).toMatch(/^compared with Sep 26\s?–\s?Oct 25$/)
    expect(api.analysis).toHaveBeenLastCalledWith('2025-10-26', '2025-11-24')
  })

  it('reloads the dashboard when the period changes', async () => {
    const w = await openAnalytics('fr')
    await byId(w, 'analytics-preset').setValue('last_month')
    await settle()
    expect(lastDashboardCall().slice(0, 2)).toEqual(['2025-10-01', '2025-10-31'])
    expect(byId(w, 'analytics-compared').text()).toBe('comparé à 1–30 sept.')
    expect(api.analysis).toHaveBeenLastCalledWith('2025-10-01', '2025-10-31')

    await byId(w, 'analytics-preset').setValue('last_7')
    await settle()
    expect(lastDashboardCall().slice(0, 2)).toEqual(['2025-11-18', '2025-11-24'])

    await byId(w, 'analytics-preset').setValue('this_month')
    await settle()
    expect(lastDashboardCall().slice(0, 2)).toEqual(['2025-11-01', '2025-11-24'])
  })

  it('takes days typed by hand, and refuses a reversed period without asking', async () => {
    const w = await openAnalytics()
    await byId(w, 'analytics-preset').setValue('custom')
    await settle()
    await byId(w, 'analytics-from').setValue('2025-09-01')
    await byId(w, 'analytics-to').setValue('2025-09-15')
    await settle()
    expect(lastDashboardCall().slice(0, 2)).toEqual(['2025-09-01', '2025-09-15'])
    expect(byId(w, 'analytics-compared').text()).toMatch(/Aug 17\s?–\s?31/)

    const calls = api.dashboard.mock.calls.length
    await byId(w, 'analytics-from').setValue('2025-09-20')
    await settle()
    expect(byId(w, 'analytics-period-error').text()).toBe('The first day must come before the last one.')
    expect(api.dashboard.mock.calls.length).toBe(calls)
    expect(byId(w, 'analytics-export-pdf').attributes('disabled')).toBeDefined()
  })

  it('passes the filters through', async () => {
    const w = await openAnalytics()
    await byId(w, 'filter-networks').trigger('click')
    const mastodon = w.find('[data-testid="filter-networks-option"][data-value="mastodon"]')
    await mastodon.setValue(true)
    await settle()
    expect(lastDashboardCall()[2]).toEqual({ networks: ['mastodon'], accounts: [], pillars: [], campaigns: [] })
    expect(byId(w, 'filter-networks').text()).toContain('Mastodon')

    await byId(w, 'filter-accounts').trigger('click')
    await w.find('[data-testid="filter-accounts-option"][data-value="a-bsky"]').setValue(true)
    await w.find('[data-testid="filter-accounts-option"][data-value="a-masto"]').setValue(true)
    await settle()
    expect(lastDashboardCall()[2].accounts).toEqual(['a-bsky', 'a-masto'])
    expect(byId(w, 'filter-accounts').text()).toContain('2 of 2')

    await byId(w, 'filter-pillars').setValue('Produits')
    await byId(w, 'filter-pillars').trigger('keydown', { key: 'Enter' })
    await byId(w, 'filter-campaigns').setValue('Noël, Galette')
    await byId(w, 'filter-campaigns').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(lastDashboardCall()[2]).toEqual({ networks: ['mastodon'], accounts: ['a-bsky', 'a-masto'], pillars: ['Produits'], campaigns: ['Noël', 'Galette'] })
    expect(w.findAll('[data-testid="filter-campaigns-chip"]').map((c) => c.find('.text').text())).toEqual(['Noël', 'Galette'])
    expect(byId(w, 'filter-posts-only').exists()).toBe(true)

    await w.find('[data-testid="filter-campaigns-chip"] button').trigger('click')
    await settle()
    expect(lastDashboardCall()[2].campaigns).toEqual(['Galette'])

    await byId(w, 'filter-clear').trigger('click')
    await settle()
    expect(lastDashboardCall()[2]).toEqual({ networks: [], accounts: [], pillars: [], campaigns: [] })
  })

  it('draws each chart from the backend’s option and says how fresh its figures are', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2025-11-24T10:00:00Z'))
    const w = await openAnalytics()
    expect(w.findAll('[data-testid="analytics-chart"]')).toHaveLength(4)

    const followers = chartOf(w, 'followers')
    expect(followers.find('[data-testid="chart-title"]').text()).toBe('Followers over time')
    expect(followers.find('[data-testid="chart-freshness"]').text()).toBe('updated 5 min. ago')
    expect(followers.find('[data-testid="echart"]').attributes('aria-label')).toBe('Followers over time')

    // echarts was loaded and drew the option the backend built
    expect(echarts.init).toHaveBeenCalledTimes(3)
    const drawn = echarts.made.find((c) => followers.element.contains(c.el))
    expect(drawn).toBeDefined()
    const option = drawn!.setOption.mock.calls[0][0]
    expect(option).toMatchObject({
      series: [{ type: 'line', name: 'Bluesky · @martin', data: [1180, 1200, 1234] }],
      xAxis: { type: 'category', data: ['1', '2', '3'] },
      title: { text: 'Followers over time', show: false },
    })
    expect(option.yAxis.axisLabel.formatter(12345)).toBe('12,345')
    expect(drawn!.setOption.mock.calls[0][1]).toBe(true)

    expect(chartOf(w, 'interactions_by_type').find('[data-testid="chart-freshness"]').text()).toBe('updated 2 days ago')
    // never read: Go's zero time
    expect(chartOf(w, 'best_time').find('[data-testid="chart-freshness"]').text()).toBe('never read')
    expect(chartOf(w, 'best_time').find('[data-testid="chart-how"]').exists()).toBe(true)
    // no data: said, not drawn
    const objectives = chartOf(w, 'objectives')
    expect(objectives.find('[data-testid="chart-empty"]').text()).toBe('No data for this period.')
    expect(objectives.find('[data-testid="echart"]').exists()).toBe(false)
    expect(objectives.find('[data-testid="chart-freshness"]').text()).toBe('never read')
  })

  it('draws the charts in French, with French ticks and freshness', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2025-11-24T10:00:00Z'))
    const w = await openAnalytics('fr')
    const followers = chartOf(w, 'followers')
    expect(followers.find('[data-testid="chart-freshness"]').text()).toMatch(/^mis à jour il y a 5\s+min$/)
    expect(chartOf(w, 'objectives').find('[data-testid="chart-empty"]').text()).toBe('Aucune donnée pour cette période.')
    const drawn = echarts.made.find((c) => followers.element.contains(c.el))!
    expect(drawn.setOption.mock.calls[0][0].yAxis.axisLabel.formatter(12345)).toBe(`12${NNBSP}345`)
  })

  it('lists the top posts with their counters in the language', async () => {
    const w = await openAnalytics('fr')
    const rows = w.findAll('[data-testid="top-post"]')
    expect(rows).toHaveLength(2)
    const cells = rows[0].findAll('td').map((c) => c.text())
    expect(cells[0]).toBe('Le pain du jour')
    expect(cells[1]).toContain('Bluesky')
    expect(cells[1]).toContain('@martin.bluesky')
    expect(cells[2]).toBe('20 nov. 2025')
    expect(cells[3]).toBe(`1${NNBSP}200`)
    expect(cells.slice(4)).toEqual(['8', '3', `4,3${NNBSP}%`])
    expect(rows[1].findAll('td')[6].text()).toBe('–')
  })

  it('shows hostile titles as text', async () => {
    const hostile = '<img src=x onerror="alert(1)"><b>gras</b>'
    state.analytics.dashboard = (from, to, _f, lang) => ({ ...dashboardOf(from, to, lang), topPosts: [topPost({ title: hostile })] })
    const w = await openAnalytics()
    const table = byId(w, 'analytics-top-posts')
    expect(table.find('[data-testid="top-post-title"]').text()).toBe(hostile)
    expect(table.find('img').exists()).toBe(false)
    expect(table.find('b').exists()).toBe(false)
    expect(document.querySelector('img[src="x"]')).toBeNull()
  })

  it('explains an empty period politely and leads to the accounts', async () => {
    state.analytics.empty = true
    const w = await openAnalytics()
    const empty = byId(w, 'analytics-empty')
    expect(empty.text()).toContain('No figures for this period yet')
    expect(empty.text()).toContain('connected accounts')
    expect(empty.text()).toContain('demo workspace')
    expect(w.findAll('[data-testid="analytics-tile"]')).toHaveLength(0)
    expect(w.findAll('[data-testid="analytics-chart"]')).toHaveLength(0)
    await byId(w, 'analytics-go-accounts').trigger('click')
    await settle()
    expect(byId(w, 'accounts-title').exists()).toBe(true)
  })

  it('in the demo workspace, says its sample figures are elsewhere in time', async () => {
    state.workspaces = [workspace({ id: 'demo', name: 'Démo', demo: true })]
    state.analytics.empty = true
    const w = await openAnalytics('fr')
    expect(byId(w, 'analytics-empty').text()).toContain('Cet espace de démonstration a des chiffres d’exemple')
    expect(byId(w, 'analytics-open-demo').exists()).toBe(false)
  })

  it('starts again, unfiltered, when the workspace changes', async () => {
    const w = await openAnalytics()
    await byId(w, 'filter-pillars').setValue('Produits')
    await byId(w, 'filter-pillars').trigger('keydown', { key: 'Enter' })
    await settle()
    const choices = api.choices.mock.calls.length
    state.analytics.choices = { ...state.analytics.choices, accounts: [{ value: 'a-other', label: 'Atelier · Bluesky' }], today: '2025-11-25' }
    const { useWorkspacesStore } = await import('./stores/workspaces')
    state.workspaces = [...state.workspaces.map((x) => ({ ...x, current: false })), workspace({ id: 'w2', name: 'Atelier', current: true })]
    await useWorkspacesStore().load()
    await settle()
    expect(api.choices.mock.calls.length).toBe(choices + 1)
    expect(lastDashboardCall()).toEqual(['2025-10-27', '2025-11-25', { networks: [], accounts: [], pillars: [], campaigns: [] }])
    expect(byId(w, 'analytics-subtitle').text()).toContain('Atelier')
    expect(w.findAll('[data-testid="filter-pillars-chip"]')).toHaveLength(0)
  })

  it('shows the dashboard unfiltered when the filters’ choices cannot be read', async () => {
    state.fail.choices = { code: 'store.failed', message: 'The store cannot be read.' }
    const w = await openAnalytics()
    expect(toasts(w)).toEqual(['The store cannot be read.'])
    expect(api.dashboard).toHaveBeenCalled()
    expect(w.findAll('[data-testid="analytics-tile"]').length).toBeGreaterThan(0)
    expect(byId(w, 'filter-networks').attributes('disabled')).toBeDefined()
  })

  it('shows the backend’s message when the dashboard cannot be read, and retries', async () => {
    state.fail.dashboard = { code: 'analytics.period_too_long', message: 'The period is too long (366 days at most).' }
    const w = await openAnalytics()
    expect(byId(w, 'analytics-error-message').text()).toBe('The period is too long (366 days at most).')
    expect(byId(w, 'analytics-error').attributes('role')).toBe('alert')
    await byId(w, 'analytics-retry').trigger('click')
    await settle()
    expect(byId(w, 'analytics-error').exists()).toBe(false)
    expect(w.findAll('[data-testid="analytics-tile"]').length).toBeGreaterThan(0)
  })
})

describe('the community', () => {
  const cellsOf = (row: ReturnType<VueWrapper['find']>) => row.findAll('td').map((c) => c.text())

  it('sums up the answers and lists the most active people, in French', async () => {
    const w = await openAnalytics('fr')
    const panel = byId(w, 'analytics-community')
    expect(panel.find('h2').text()).toBe('Communauté')
    expect(panel.find('[data-testid="community-summary"]').text()).toBe(
      `Messages répondus${NBSP}: 12 sur 15 · première réponse en 1${NBSP}h${NBSP}05 (médiane) · 75,0${NNBSP}% dans l’heure`,
    )
    const rows = panel.findAll('[data-testid="community-fan"]')
    expect(rows).toHaveLength(5)
    expect(cellsOf(rows[0])).toEqual(['Camille Durand@camille-durand.bsky.social', 'Bluesky', '14', '3'])
    expect(rows[0].find('[data-testid="community-fan-name"]').text()).toBe('Camille Durand')
    expect(rows[0].find('[data-testid="community-fan-handle"]').text()).toBe('@camille-durand.bsky.social')
    // no name: the handle stands for it, once
    expect(rows[1].find('[data-testid="community-fan-name"]').text()).toBe('@lea@piaille.fr')
    expect(rows[1].find('[data-testid="community-fan-handle"]').exists()).toBe(false)
    expect(cellsOf(rows[1]).slice(1)).toEqual(['Mastodon', '11', '5'])
    expect(panel.findAll('th').map((h) => h.text())).toEqual(['Personne', 'Réseau', 'Interactions', 'Réponses et mentions'])
    expect(panel.find('[data-testid="community-none"]').exists()).toBe(false)
  })

  it('sums up the answers and lists the most active people, in English', async () => {
    state.analytics.dashboard = (from, to, _f, lang) => ({
      ...dashboardOf(from, to, lang),
      fans: [fan({ interactions: 1234, replies: 1001 })],
      responses: responses({ received: 1500, answered: 1200, medianMinutes: 125, withinHour: 62.5 }),
    })
    const w = await openAnalytics('en')
    const panel = byId(w, 'analytics-community')
    expect(panel.find('h2').text()).toBe('Community')
    expect(panel.find('[data-testid="community-summary"]').text()).toBe(
      `Messages answered: 1,200 of 1,500 · first response in 2${NBSP}h 05${NBSP}min (median) · 62.5% within the hour`,
    )
    const rows = panel.findAll('[data-testid="community-fan"]')
    expect(rows).toHaveLength(1)
    expect(cellsOf(rows[0]).slice(1)).toEqual(['Bluesky', '1,234', '1,001'])
    expect(panel.find('h3').text()).toBe('Most active people')
  })

  it('explains how the answers and the people are counted, with the backend’s words', async () => {
    const w = await openAnalytics('en')
    const panel = byId(w, 'analytics-community')
    const how = panel.find('[data-testid="community-how"]')
    expect(how.attributes('aria-label')).toBe('How is “Community” computed?')
    await how.trigger('click')
    expect(panel.find('[data-testid="infotip-text"]').text()).toBe(`${en.analytics.how.answered_share}\n${en.analytics.how.first_response}`)
    press('Escape')
    await settle()
    await panel.find('[data-testid="community-fans-how"]').trigger('click')
    expect(panel.find('[data-testid="infotip-text"]').text()).toBe(en.analytics.how.fans)
  })

  it('says politely when nothing was received and nobody came by', async () => {
    state.analytics.dashboard = (from, to, _f, lang) => ({
      ...dashboardOf(from, to, lang),
      fans: [],
      responses: responses({ received: 0, answered: 0, answeredShare: 0, shareKnown: false, medianMinutes: 0, medianKnown: false, withinHour: 0 }),
    })
    const w = await openAnalytics('fr')
    const panel = byId(w, 'analytics-community')
    expect(panel.find('[data-testid="community-summary"]').text()).toBe('Aucune réponse ni mention n’attendait de réponse sur cette période.')
    expect(panel.find('[data-testid="community-none"]').text()).toBe(fr.analytics.community.none)
    expect(panel.findAll('[data-testid="community-fan"]')).toHaveLength(0)
    expect(panel.find('table').exists()).toBe(false)
  })

  it('says how many were answered, without a median, when none was', async () => {
    state.analytics.dashboard = (from, to, _f, lang) => ({
      ...dashboardOf(from, to, lang),
      responses: responses({ received: 3, answered: 0, answeredShare: 0, shareKnown: true, medianMinutes: 0, medianKnown: false, withinHour: 0 }),
    })
    const w = await openAnalytics('en')
    expect(byId(w, 'community-summary').text()).toBe('Messages answered: 0 of 3')
  })

  it('shows hostile names and handles as text', async () => {
    const name = '<img src=x onerror=alert(1)>'
    const handle = '@<script>alert(2)</script><b>gras</b>'
    state.analytics.dashboard = (from, to, _f, lang) => ({
      ...dashboardOf(from, to, lang),
      fans: [fan({ name, handle }), fan({ actorId: 'b', name: '  ', handle: '<svg onload=alert(3)>' })],
    })
    const w = await openAnalytics()
    const panel = byId(w, 'analytics-community')
    const rows = panel.findAll('[data-testid="community-fan"]')
    expect(rows[0].find('[data-testid="community-fan-name"]').text()).toBe(name)
    expect(rows[0].find('[data-testid="community-fan-handle"]').text()).toBe(handle)
    expect(rows[1].find('[data-testid="community-fan-name"]').text()).toBe('<svg onload=alert(3)>')
    for (const tag of ['img', 'script', 'b', 'svg']) expect(panel.find(tag).exists(), tag).toBe(false)
    expect(document.querySelector('img[src="x"]')).toBeNull()
    expect(document.querySelector('svg[onload]')).toBeNull()
  })

  it('is not shown for a period without figures', async () => {
    state.analytics.empty = true
    const w = await openAnalytics()
    expect(byId(w, 'analytics-community').exists()).toBe(false)
  })
})

describe('the exports', () => {
  it('writes the PDF report with a progress bar, then says where', async () => {
    state.analytics.holdPdf = true
    const w = await openAnalytics()
    expect((byId(w, 'analytics-report-lang').element as HTMLSelectElement).value).toBe('en')
    await byId(w, 'analytics-report-lang').setValue('fr')
    await byId(w, 'analytics-agency').setValue('Agence Miel')
    await byId(w, 'analytics-export-pdf').trigger('click')
    await settle()
    expect(api.exportPDF).toHaveBeenCalledWith('2025-10-26', '2025-11-24', 'fr', 'Agence Miel')
    expect(localStorage.getItem('ruche.analytics.agency')).toBe('Agence Miel')
    expect(byId(w, 'analytics-progress').exists()).toBe(true)
    expect(byId(w, 'analytics-export-pdf').attributes('disabled')).toBeDefined()

    emit.reportProgress({ done: 3, total: 8 })
    await settle()
    const bar = byId(w, 'analytics-progress-bar')
    expect(bar.attributes('max')).toBe('8')
    expect((bar.element as HTMLProgressElement).value).toBe(3)
    expect(byId(w, 'analytics-progress-steps').text()).toBe('3 of 8')

    report.finish()
    await settle()
    expect(byId(w, 'analytics-progress').exists()).toBe(false)
    expect(toasts(w)).toEqual([`Report saved: ${state.analytics.pdfPath}`])
  })

  it('remembers the agency for the next report', async () => {
    localStorage.setItem('ruche.analytics.agency', 'Agence Miel')
    const w = await openAnalytics('fr')
    expect((byId(w, 'analytics-agency').element as HTMLInputElement).value).toBe('Agence Miel')
    expect((byId(w, 'analytics-report-lang').element as HTMLSelectElement).value).toBe('fr')
    await byId(w, 'analytics-export-pdf').trigger('click')
    await settle()
    expect(api.exportPDF).toHaveBeenCalledWith('2025-10-26', '2025-11-24', 'fr', 'Agence Miel')
    expect(toasts(w)[0]).toBe(`Rapport enregistré${NBSP}: ${state.analytics.pdfPath}`)
  })

  it('says nothing when the save dialog is cancelled', async () => {
    state.analytics.pdfPath = ''
    state.analytics.csvPath = ''
    const w = await openAnalytics()
    await byId(w, 'analytics-export-pdf').trigger('click')
    await settle()
    expect(api.exportPDF).toHaveBeenCalled()
    expect(byId(w, 'analytics-progress').exists()).toBe(false)
    await byId(w, 'analytics-export-csv').trigger('click')
    await settle()
    expect(api.exportCSV).toHaveBeenCalledWith('2025-10-26', '2025-11-24')
    expect(toasts(w)).toEqual([])
  })

  it('shows a failed report in a toast', async () => {
    state.fail.exportPDF = { code: 'report.failed', message: 'The report could not be written.' }
    const w = await openAnalytics()
    await byId(w, 'analytics-export-pdf').trigger('click')
    await settle()
    expect(toasts(w)[0]).toContain('The report could not be written.')
    expect(byId(w, 'analytics-progress').exists()).toBe(false)
    expect(byId(w, 'analytics-export-pdf').attributes('disabled')).toBeUndefined()
  })

  it('exports the figures as CSV and says where', async () => {
    const w = await openAnalytics()
    await byId(w, 'analytics-export-csv').trigger('click')
    await settle()
    expect(toasts(w)).toEqual([`Figures saved: ${state.analytics.csvPath}`])
  })
})

describe('the analysis', () => {
  it('loads the analysis of the period and saves it once the typing stops', async () => {
    state.analytics.analyses['2025-10-26/2025-11-24'] = 'Un bon mois.'
    const w = await openAnalytics()
    const box = byId(w, 'analytics-analysis')
    expect((box.element as HTMLTextAreaElement).value).toBe('Un bon mois.')

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    await box.setValue('Un bon mois. Noël')
    vi.advanceTimersByTime(500)
    await box.setValue('Un bon mois. Noël approche.')
    vi.advanceTimersByTime(500)
    expect(api.saveAnalysis).not.toHaveBeenCalled()
    vi.advanceTimersByTime(400)
    await settle()
    expect(api.saveAnalysis).toHaveBeenCalledTimes(1)
    expect(api.saveAnalysis).toHaveBeenCalledWith('2025-10-26', '2025-11-24', 'Un bon mois. Noël approche.')
    expect(byId(w, 'analysis-status').text()).toContain('Saved')
    expect(state.analytics.analyses['2025-10-26/2025-11-24']).toBe('Un bon mois. Noël approche.')
  })

  it('saves what is pending before the period changes, then loads the new period’s', async () => {
    state.analytics.analyses['2025-10-01/2025-10-31'] = 'Octobre.'
    const w = await openAnalytics()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    await byId(w, 'analytics-analysis').setValue('Novembre en cours.')
    await byId(w, 'analytics-preset').setValue('last_month')
    await settle()
    expect(api.saveAnalysis).toHaveBeenCalledWith('2025-10-26', '2025-11-24', 'Novembre en cours.')
    expect((byId(w, 'analytics-analysis').element as HTMLTextAreaElement).value).toBe('Octobre.')
    vi.advanceTimersByTime(2000)
    await settle()
    expect(api.saveAnalysis).toHaveBeenCalledTimes(1)
  })

  it('saves the analysis before writing the PDF, which carries it', async () => {
    const w = await openAnalytics()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    await byId(w, 'analytics-analysis').setValue('À lire avant le rapport.')
    await byId(w, 'analytics-export-pdf').trigger('click')
    await settle()
    expect(api.saveAnalysis).toHaveBeenCalledWith('2025-10-26', '2025-11-24', 'À lire avant le rapport.')
    expect(api.saveAnalysis.mock.invocationCallOrder[0]).toBeLessThan(api.exportPDF.mock.invocationCallOrder[0])
  })

  it('says when the analysis could not be saved', async () => {
    const w = await openAnalytics('fr')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    state.fail.saveAnalysis = { code: 'store.failed', message: 'Le disque est plein.' }
    await byId(w, 'analytics-analysis').setValue('Texte')
    vi.advanceTimersByTime(1000)
    await settle()
    expect(byId(w, 'analysis-status').text()).toBe(`Non enregistré${NBSP}: Le disque est plein.`)
  })
})

describe('how each figure is computed', () => {
  type Tree = { [k: string]: string | Tree }
  const go = readFileSync(resolve(__dirname, '../../backend/locale/messages_analytics.go'), 'utf8')
  const [englishPart, frenchPart] = go.split(/\n\tFrench:\s*\{/)

  // hows reads the analytics.how.* messages of one language of the Go file.
  function hows(part: string): Map<string, string> {
    const out = new Map<string, string>()
    for (const m of part.matchAll(/"analytics\.how\.(\w+)":\s*"((?:[^"\\]|\\.)*)"/g)) out.set(m[1], JSON.parse(`"${m[2]}"`) as string)
    return out
  }
  const backend = { en: hows(englishPart), fr: hows(frenchPart) }
  const catalogue = { en: (en as unknown as { analytics: { how: Tree } }).analytics.how, fr: (fr as unknown as { analytics: { how: Tree } }).analytics.how }
  // French typography in the catalogues puts no-break spaces where the
  // backend's messages have plain ones.
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ')

  it('reads the backend’s messages', () => {
    expect(frenchPart).toBeDefined()
    expect(backend.en.size).toBeGreaterThanOrEqual(15)
    expect([...backend.fr.keys()].sort()).toEqual([...backend.en.keys()].sort())
  })

  for (const lang of ['en', 'fr'] as const) {
    it(`has every how-text of the backend in ${lang}, with the same words`, () => {
      const missing = [...backend[lang].keys()].filter((k) => typeof catalogue[lang][k] !== 'string')
      expect(missing).toEqual([])
      const different = [...backend[lang]].filter(([k, v]) => plain(String(catalogue[lang][k])) !== plain(v)).map(([k]) => k)
      expect(different).toEqual([])
    })
  }

  it('has a how-text for every tile the backend makes', () => {
    const dashboard = readFileSync(resolve(__dirname, '../../backend/analytics/dashboard.go'), 'utf8')
    const keys = [...dashboard.matchAll(/\badd\("(\w+)"/g)].map((m) => m[1])
    expect(keys).toContain('followers')
    for (const k of [...keys, 'ad_spend', 'website_sessions', 'website_users']) {
      expect(typeof catalogue.en[k], k).toBe('string')
      expect(typeof catalogue.fr[k], k).toBe('string')
    }
  })
})
