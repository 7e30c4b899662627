// The Analytics screen's figures typed or imported, objectives and monthly
// report, against the fake backend.
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from './App.vue'
import { makeI18n } from './i18n'
import { analyticsModule as api, ANALYTICS_TODAY, reset, state } from './test/fake-backend'

vi.mock('./api/settings', () => import('./test/fake-backend').then((m) => m.settingsModule))
vi.mock('./api/runtime', () => import('./test/fake-backend').then((m) => m.runtimeModule))
vi.mock('./api/calendar', () => import('./test/fake-backend').then((m) => m.calendarModule))
vi.mock('./api/composer', () => import('./test/fake-backend').then((m) => m.composerModule))
vi.mock('./api/events', () => import('./test/fake-backend').then((m) => m.eventsModule))
vi.mock('./api/accounts', () => import('./test/fake-backend').then((m) => m.accountsModule))
vi.mock('./api/analytics', () => import('./test/fake-backend').then((m) => m.analyticsModule))
vi.mock('echarts', () => ({ init: vi.fn(() => ({ setOption: vi.fn(), resize: vi.fn(), dispose: vi.fn() })) }))

const NBSP = '\u00a0'
const NNBSP = '\u202f'

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
const all = (w: VueWrapper, id: string) => w.findAll(`[data-testid="${id}"]`)
const toasts = (w: VueWrapper) => w.findAll('[data-testid="toast"] .msg').map((t) => t.text())
const dashboards = () => api.dashboard.mock.calls.length

async function typeFigure(w: VueWrapper, f: { day?: string; kind: string; network?: string; source?: string; value: string }) {
  if (f.day) await byId(w, 'figure-day').setValue(f.day)
  await byId(w, 'figure-kind').setValue(f.kind)
  if (f.network !== undefined) await byId(w, 'figure-network').setValue(f.network)
  if (f.source !== undefined) await byId(w, 'figure-source').setValue(f.source)
  await byId(w, 'figure-value').setValue(f.value)
  await byId(w, 'figure-form').trigger('submit')
  await settle()
}

beforeEach(() => reset())
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  localStorage.clear()
})

describe('figures typed by hand', () => {
  it('sends euros as cents, lists the figure and redraws the dashboard', async () => {
    const w = await openAnalytics()
    expect(byId(w, 'analytics-manual').find('h2').text()).toBe('Figures and objectives')
    expect(byId(w, 'figure-none').exists()).toBe(true)
    expect(api.figures).toHaveBeenCalledWith('2025-10-26', ANALYTICS_TODAY)
    const before = dashboards()

    await typeFigure(w, { day: '2025-11-20', kind: 'ad_spend', value: '12,50' })

    expect(api.saveFigure).toHaveBeenCalledWith({ day: '2025-11-20', kind: 'ad_spend', subject: '', value: 1250 })
    expect(state.analytics.figures).toEqual([{ day: '2025-11-20', kind: 'ad_spend', subject: '', value: 1250, source: 'typed' }])
    const rows = all(w, 'figure-row')
    expect(rows).toHaveLength(1)
    expect(rows[0].find('[data-testid="figure-value-text"]').text()).toBe('€12.50')
    expect(rows[0].text()).toContain('Ad spend')
    expect(byId(w, 'figure-value').element).toHaveProperty('value', '')
    expect(dashboards()).toBe(before + 1)
    expect(toasts(w)).toContain('Figure saved.')

    await typeFigure(w, { day: '2025-11-21', kind: 'ad_spend', value: '1,234.5' })
    expect(api.saveFigure).toHaveBeenLastCalledWith({ day: '2025-11-21', kind: 'ad_spend', subject: '', value: 123450 })
  })

  it('keeps the network of followers and the source of website figures', async () => {
    const w = await openAnalytics()
    await typeFigure(w, { day: '2025-11-20', kind: 'followers', network: 'instagram', value: '1 200' })
    expect(api.saveFigure).toHaveBeenLastCalledWith({ day: '2025-11-20', kind: 'followers', subject: 'instagram', value: 1200 })
    await typeFigure(w, { day: '2025-11-20', kind: 'website_sessions', source: ' newsletter / email ', value: '340' })
    expect(api.saveFigure).toHaveBeenLastCalledWith({ day: '2025-11-20', kind: 'website_sessions', subject: 'newsletter / email', value: 340 })
    const rows = all(w, 'figure-row')
    expect(rows.map((r) => r.attributes('data-kind'))).toEqual(['followers', 'website_sessions'])
    expect(rows[0].text()).toContain('Instagram')
    expect(rows[1].text()).toContain('newsletter / email')
  })

  it('says what is wrong: a value it cannot read, a network the backend refuses', async () => {
    const w = await openAnalytics()
    await typeFigure(w, { kind: 'ad_spend', value: 'douze' })
    expect(byId(w, 'figure-error').text()).toBe('Type a number, zero or more (a comma or a dot before the decimals).')
    expect(byId(w, 'figure-value').attributes('aria-invalid')).toBe('true')
    expect(api.saveFigure).not.toHaveBeenCalled()

    await typeFigure(w, { kind: 'followers', value: '10' })
    expect(api.saveFigure).toHaveBeenCalledTimes(1)
    expect(byId(w, 'figure-error').text()).toBe('Say which network these followers are on (“” is not one Ruche knows).')
    expect(state.analytics.figures).toEqual([])
  })

  it('deletes a figure and redraws the dashboard', async () => {
    state.analytics.figures = [
      { day: '2025-11-20', kind: 'website_users', subject: '', value: 90, source: 'google_analytics' },
      { day: '2025-11-21', kind: 'ad_spend', subject: '', value: 500, source: 'typed' },
    ]
    const w = await openAnalytics()
    expect(all(w, 'figure-row').map((r) => r.attributes('data-day'))).toEqual(['2025-11-21', '2025-11-20'])
    const row = all(w, 'figure-row')[1]
    expect(row.text()).toContain('Whole site')
    expect(row.text()).toContain('Google Analytics')
    const del = row.find('[data-testid="figure-delete"]')
    expect(del.attributes('aria-label')).toBe('Delete Website users of Nov 20, 2025')
    const before = dashboards()
    await del.trigger('click')
    await settle()
    expect(api.deleteFigure).toHaveBeenCalledWith('2025-11-20', 'website_users', '')
    expect(all(w, 'figure-row')).toHaveLength(1)
    expect(dashboards()).toBe(before + 1)
  })

  it('types and writes euros the French way', async () => {
    const w = await openAnalytics('fr')
    expect(byId(w, 'analytics-manual').find('h2').text()).toBe('Chiffres et objectifs')
    await typeFigure(w, { day: '2025-11-20', kind: 'ad_spend', value: '1 234,56' })
    expect(api.saveFigure).toHaveBeenLastCalledWith({ day: '2025-11-20', kind: 'ad_spend', subject: '', value: 123456 })
    expect(byId(w, 'figure-value-text').text()).toMatch(new RegExp(`^1${NNBSP}234,56[${NBSP}${NNBSP}]€$`))
    expect(byId(w, 'figure-import').text()).toBe('Importer un export Google Analytics…')
  })
})

describe('the Google Analytics import', () => {
  it('previews every row with its problems and saves only on confirm', async () => {
    const w = await openAnalytics()
    await byId(w, 'figure-import').trigger('click')
    await settle()
    const dialog = byId(w, 'figure-import-dialog')
    expect(dialog.exists()).toBe(true)
    expect(byId(w, 'figure-import-path').text()).toBe('/home/camille/ga-octobre.csv')
    expect(byId(w, 'figure-import-valid').text()).toBe('Rows ready to import: 2')
    expect(byId(w, 'figure-import-invalid').text()).toBe('Rows with problems: 1')
    const rows = all(w, 'figure-import-row')
    expect(rows.map((r) => r.attributes('data-ok'))).toEqual(['true', 'true', 'false'])
    expect(rows[0].text()).toContain('google / organic')
    expect(rows[1].text()).toContain('Whole site')
    expect(rows[2].find('li').text()).toBe('Line 4: “32/13/2025” is not a date (write 2026-11-23 or 23/11/2026).')
    expect(rows[2].find('li').attributes('data-code')).toBe('analytics.csv_date_invalid')
    // Nothing is saved while the preview is open.
    expect(api.confirmFiguresImport).not.toHaveBeenCalled()
    expect(state.analytics.figures).toEqual([])

    const before = dashboards()
    const confirm = byId(w, 'figure-import-confirm')
    expect(confirm.text()).toBe('Import the 2 valid rows')
    await confirm.trigger('click')
    await settle()
    expect(api.confirmFiguresImport).toHaveBeenCalledWith('ga-1')
    expect(byId(w, 'figure-import-dialog').exists()).toBe(false)
    expect(state.analytics.figures).toHaveLength(4)
    expect(all(w, 'figure-row')).toHaveLength(4)
    expect(toasts(w)).toContain('Rows imported: 2.')
    expect(dashboards()).toBe(before + 1)
  })

  it('saves nothing when the preview is cancelled', async () => {
    const w = await openAnalytics()
    await byId(w, 'figure-import').trigger('click')
    await settle()
    await byId(w, 'figure-import-cancel').trigger('click')
    await settle()
    expect(byId(w, 'figure-import-dialog').exists()).toBe(false)
    expect(api.confirmFiguresImport).not.toHaveBeenCalled()
    expect(state.analytics.figures).toEqual([])
  })

  it('does nothing when the file dialog is closed', async () => {
    state.analytics.figuresPreview = { cancelled: true, path: '', token: '', rows: [], valid: 0 }
    const w = await openAnalytics()
    const before = dashboards()
    await byId(w, 'figure-import').trigger('click')
    await settle()
    expect(api.previewFiguresImport).toHaveBeenCalledTimes(1)
    expect(byId(w, 'figure-import-dialog').exists()).toBe(false)
    expect(toasts(w)).toEqual([])
    expect(dashboards()).toBe(before)
  })

  it('shows a file the backend cannot read', async () => {
    state.fail.previewFiguresImport = { code: 'analytics.csv_header_missing', message: 'The first line of the file must name its columns: date, sessions.' }
    const w = await openAnalytics()
    await byId(w, 'figure-import').trigger('click')
    await settle()
    expect(byId(w, 'figure-import-dialog').exists()).toBe(false)
    expect(toasts(w)).toEqual(['The first line of the file must name its columns: date, sessions.'])
  })

  it('keeps the preview open when the confirmation fails', async () => {
    const w = await openAnalytics()
    await byId(w, 'figure-import').trigger('click')
    await settle()
    state.fail.confirmFiguresImport = { code: 'api.import_expired', message: 'This import preview has expired: open the file again.' }
    await byId(w, 'figure-import-confirm').trigger('click')
    await settle()
    expect(toasts(w)).toEqual(['This import preview has expired: open the file again.'])
    expect(byId(w, 'figure-import-dialog').exists()).toBe(true)
    expect(state.analytics.figures).toEqual([])
  })
})

describe('objectives', () => {
  it('creates an objective and redraws the dashboard', async () => {
    const w = await openAnalytics()
    expect(byId(w, 'objective-none').text()).toBe('No objective yet.')
    await byId(w, 'objective-new').trigger('click')
    await settle()
    expect(byId(w, 'objective-dialog').find('h2').text()).toBe('New objective')
    expect(byId(w, 'objective-start').element).toHaveProperty('value', ANALYTICS_TODAY)
    expect(byId(w, 'objective-deadline').element).toHaveProperty('value', '2026-02-22')
    await byId(w, 'objective-network').setValue('bluesky')
    await byId(w, 'objective-target-input').setValue('500')
    await byId(w, 'objective-deadline').setValue('2026-06-30')
    await byId(w, 'objective-note-input').setValue('Agreed with the client in November')
    const before = dashboards()
    await byId(w, 'objective-form').trigger('submit')
    await settle()

    expect(api.saveObjective).toHaveBeenCalledWith('', {
      kind: 'follower_growth',
      network: 'bluesky',
      target: 500,
      start: ANALYTICS_TODAY,
      deadline: '2026-06-30',
      note: 'Agreed with the client in November',
    })
    expect(byId(w, 'objective-dialog').exists()).toBe(false)
    const rows = all(w, 'objective-row')
    expect(rows).toHaveLength(1)
    expect(rows[0].find('[data-testid="objective-target"]').text()).toBe('+500')
    expect(rows[0].text()).toContain('Follower growth')
    expect(rows[0].text()).toContain('Bluesky')
    expect(rows[0].find('[data-testid="objective-dates"]').text()).toBe('From Nov 24, 2025 to Jun 30, 2026')
    expect(rows[0].find('[data-testid="objective-note"]').text()).toBe('Agreed with the client in November')
    expect(dashboards()).toBe(before + 1)
    expect(toasts(w)).toContain('Objective saved.')
  })

  it('shows the backend’s problem in the dialog and saves nothing', async () => {
    const w = await openAnalytics()
    await byId(w, 'objective-new').trigger('click')
    await settle()
    await byId(w, 'objective-target-input').setValue('4')
    await byId(w, 'objective-deadline').setValue('2025-01-01')
    await byId(w, 'objective-form').trigger('submit')
    await settle()
    expect(byId(w, 'objective-error').text()).toBe('Give the objective a start and a deadline on or after it.')
    expect(byId(w, 'objective-error').attributes('role')).toBe('alert')
    expect(byId(w, 'objective-dialog').exists()).toBe(true)
    expect(state.analytics.objectives).toEqual([])

    // A target it cannot read is said before asking the backend.
    await byId(w, 'objective-target-input').setValue('beaucoup')
    await byId(w, 'objective-form').trigger('submit')
    await settle()
    expect(byId(w, 'objective-error').text()).toBe('Type a number above zero.')
    expect(api.saveObjective).toHaveBeenCalledTimes(1)

    await byId(w, 'objective-cancel').trigger('click')
    await settle()
    expect(byId(w, 'objective-dialog').exists()).toBe(false)
  })

  it('edits an objective', async () => {
    state.analytics.objectives = [
      { id: 'o1', kind: 'engagement_rate', network: '', target: 4, start: '2025-11-01', deadline: '2025-12-31', note: '' },
    ]
    const w = await openAnalytics('fr')
    const row = byId(w, 'objective-row')
    expect(row.find('[data-testid="objective-target"]').text()).toBe(`4,0${NNBSP}%`)
    expect(row.text()).toContain('Tous les réseaux')
    await row.find('[data-testid="objective-edit"]').trigger('click')
    await settle()
    expect(byId(w, 'objective-dialog').find('h2').text()).toBe('Modifier l’objectif')
    expect(byId(w, 'objective-target-input').element).toHaveProperty('value', '4')
    await byId(w, 'objective-target-input').setValue('4,5')
    await byId(w, 'objective-network').setValue('mastodon')
    // The dialog's Save button submits its form.
    await byId(w, 'objective-save').trigger('click')
    await settle()
    expect(api.saveObjective).toHaveBeenLastCalledWith('o1', {
      kind: 'engagement_rate',
      network: 'mastodon',
      target: 4.5,
      start: '2025-11-01',
      deadline: '2025-12-31',
      note: '',
    })
    expect(byId(w, 'objective-target').text()).toBe(`4,5${NNBSP}%`)
    expect(byId(w, 'objective-row').text()).toContain('Mastodon')
  })

  it('deletes an objective after a confirmation, and says when it cannot', async () => {
    state.analytics.objectives = [
      { id: 'o1', kind: 'response_time', network: 'bluesky', target: 120, start: '2025-11-01', deadline: '2025-12-31', note: '' },
      { id: 'o2', kind: 'posts_per_week', network: '', target: 3, start: '2025-11-01', deadline: '2025-12-31', note: '' },
    ]
    const w = await openAnalytics()
    expect(all(w, 'objective-target').map((x) => x.text())).toEqual([`2${NBSP}h`, '3'])
    const del = all(w, 'objective-delete')[0]
    expect(del.attributes('aria-label')).toBe(`Delete the objective Response time · 2${NBSP}h`)

    // Cancel keeps it.
    await del.trigger('click')
    await settle()
    await byId(w, 'confirm-cancel').trigger('click')
    await settle()
    expect(api.deleteObjective).not.toHaveBeenCalled()

    state.fail.deleteObjective = { code: 'analytics.objective_not_found', message: 'This objective no longer exists.' }
    await all(w, 'objective-delete')[0].trigger('click')
    await settle()
    await byId(w, 'confirm-ok').trigger('click')
    await settle()
    expect(toasts(w)).toContain('This objective no longer exists.')
    expect(all(w, 'objective-row')).toHaveLength(2)

    const before = dashboards()
    await all(w, 'objective-delete')[0].trigger('click')
    await settle()
    expect(byId(w, 'confirm-modal').text()).toContain(`“Response time · 2${NBSP}h” will no longer be followed`)
    await byId(w, 'confirm-ok').trigger('click')
    await settle()
    expect(api.deleteObjective).toHaveBeenLastCalledWith('o1')
    expect(all(w, 'objective-row').map((r) => r.attributes('data-id'))).toEqual(['o2'])
    expect(dashboards()).toBe(before + 1)
  })
})

describe('the monthly report', () => {
  it('is planned in a folder with the agency of Export PDF, then stopped', async () => {
    localStorage.setItem('ruche.analytics.agency', 'Agence Miel')
    const w = await openAnalytics()
    expect(byId(w, 'monthly-none').text()).toBe('Not planned.')
    expect(byId(w, 'monthly-stop').exists()).toBe(false)
    expect(byId(w, 'monthly-choose').text()).toBe('Choose a folder…')

    await byId(w, 'monthly-lang').setValue('fr')
    await byId(w, 'monthly-choose').trigger('click')
    await settle()
    expect(api.planMonthlyReport).toHaveBeenCalledWith('fr', 'Agence Miel')
    expect(byId(w, 'monthly-folder').text()).toBe('/home/camille/Rapports')
    expect(byId(w, 'monthly-last').text()).toBe('September 2025')
    expect(byId(w, 'monthly-agency').text()).toBe('Agence Miel')
    expect(byId(w, 'monthly-choose').text()).toBe('Change the folder…')
    expect(toasts(w)).toContain('Monthly report planned in /home/camille/Rapports.')

    await byId(w, 'monthly-stop').trigger('click')
    await settle()
    expect(api.stopMonthlyReport).toHaveBeenCalledTimes(1)
    expect(state.analytics.plan.folder).toBe('')
    expect(byId(w, 'monthly-none').exists()).toBe(true)
    expect(toasts(w)).toContain('Monthly report stopped.')
  })

  it('changes nothing when the folder dialog is closed', async () => {
    state.analytics.folder = ''
    const w = await openAnalytics()
    await byId(w, 'monthly-choose').trigger('click')
    await settle()
    expect(api.planMonthlyReport).toHaveBeenCalledWith('en', '')
    expect(byId(w, 'monthly-none').exists()).toBe(true)
    expect(toasts(w)).toEqual([])
  })

  it('follows the scheduler writing the month just over', async () => {
    const d = new Date(Date.now() - 6 * 3600 * 1000)
    d.setDate(1)
    d.setMonth(d.getMonth() - 1)
    const due = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
    state.analytics.plan = { folder: '/home/camille/Rapports', lang: 'en', agency: '', last: '2025-09' }
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const w = await openAnalytics()
    expect(byId(w, 'monthly-last').text()).toBe('September 2025')
    const asked = api.reportPlan.mock.calls.length
    vi.advanceTimersByTime(3000)
    await settle()
    expect(api.reportPlan.mock.calls.length).toBe(asked + 1)
    state.analytics.plan = { ...state.analytics.plan, last: due } // the scheduler wrote it
    vi.advanceTimersByTime(3000)
    await settle()
    expect(byId(w, 'monthly-last').text()).toBe(new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric' }).format(d))
    vi.advanceTimersByTime(30000)
    await settle()
    expect(api.reportPlan.mock.calls.length).toBe(asked + 2) // written: no more asking
    w.unmount()
  })

  it('shows a plan already made, in French', async () => {
    state.analytics.plan = { folder: '/home/camille/Clients/Martin', lang: 'en', agency: '', last: '2025-10' }
    const w = await openAnalytics('fr')
    expect(byId(w, 'monthly-folder').text()).toBe('/home/camille/Clients/Martin')
    expect(byId(w, 'monthly-last').text()).toBe('octobre 2025')
    expect(byId(w, 'monthly-lang').element).toHaveProperty('value', 'en')
    expect(byId(w, 'monthly-stop').attributes('aria-label')).toBe('Arrêter le rapport mensuel')
  })
})
