import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from './App.vue'
import { makeI18n } from './i18n'
import { job, reset, settingsModule as api, state } from './test/fake-backend'
import JobsSection from './views/settings/JobsSection.vue'

vi.mock('./api/settings', () => import('./test/fake-backend').then((m) => m.settingsModule))
vi.mock('./api/runtime', () => import('./test/fake-backend').then((m) => m.runtimeModule))
vi.mock('./api/calendar', () => import('./test/fake-backend').then((m) => m.calendarModule))
vi.mock('./api/composer', () => import('./test/fake-backend').then((m) => m.composerModule))
vi.mock('./api/events', () => import('./test/fake-backend').then((m) => m.eventsModule))

let wrapper: VueWrapper | null = null

async function settle() {
  for (let i = 0; i < 6; i++) await flushPromises()
}
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
const row = (w: VueWrapper, name: string) => w.find(`[data-testid="job-row"][data-job="${name}"]`)

async function openSettings(): Promise<VueWrapper> {
  wrapper = mount(App, { global: { plugins: [createPinia(), makeI18n('en')] }, attachTo: document.body })
  await settle()
  await byId(wrapper, 'nav-settings').trigger('click')
  await settle()
  return wrapper
}

const failing = () =>
  job('collect', 'Networks’ figures read', {
    lastRun: '2025-11-24T09:00:00Z',
    nextRun: '2025-11-24T09:04:00Z',
    tookMs: 1500,
    lastError: 'network.unreachable',
    errorMessage: 'Mastodon cannot be reached: check the Internet connection. Ruche will try again.',
    failures: 3,
  })

beforeEach(() => reset())
afterEach(() => {
  vi.useRealTimers()
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('background jobs', () => {
  it('lists the jobs in Settings, a failing one with its message', async () => {
    state.jobs = [
      job('resume', 'End of timed pauses', { lastRun: '2025-11-24T09:00:00Z', nextRun: '2025-11-24T09:00:05Z', tookMs: 3 }),
      job('hold', 'Natively scheduled posts kept in step', { running: true, lastRun: '2025-11-24T08:59:55Z', tookMs: 40 }),
      failing(),
      job('report', 'Monthly reports'),
    ]
    const w = await openSettings()
    expect(byId(w, 'jobs-section').text()).toContain('Background jobs')
    expect(w.findAll('[data-testid="job-row"]').map((r) => r.attributes('data-status'))).toEqual(['ok', 'running', 'failing', 'pending'])

    const resume = row(w, 'resume')
    expect(resume.text()).toContain('End of timed pauses')
    // 09:00 UTC is 10:00 in the workspace's zone (Europe/Paris).
    expect(resume.find('[data-testid="job-last"]').text()).toMatch(/Nov 24, 2025 10:00\sAM/)
    expect(resume.find('[data-testid="job-took"]').text()).toBe('3 ms')
    expect(resume.find('[data-testid="job-status"]').text()).toBe('OK')
    expect(resume.find('[data-testid="job-error"]').exists()).toBe(false)

    expect(row(w, 'hold').find('[data-testid="job-status"]').text()).toBe('Running')

    const collect = row(w, 'collect')
    expect(collect.find('[data-testid="job-took"]').text()).toBe('1.5 sec')
    expect(collect.find('[data-testid="job-error"]').text()).toBe('Mastodon cannot be reached: check the Internet connection. Ruche will try again.')
    expect(collect.find('[data-testid="job-failures"]').text()).toBe('Failures in a row: 3')

    const report = row(w, 'report')
    expect(report.find('[data-testid="job-last"]').text()).toBe('Never')
    expect(report.find('[data-testid="job-next"]').text()).toBe('—')
    expect(report.find('[data-testid="job-took"]').text()).toBe('—')
  })

  it('speaks French', async () => {
    state.info.language = 'fr'
    state.jobs = [failing(), job('report', 'Rapports mensuels')]
    const w = await openSettings()
    expect(byId(w, 'jobs-section').text()).toContain('Tâches de fond')
    expect(row(w, 'collect').find('[data-testid="job-failures"]').text()).toBe('Échecs d’affilée\u00a0: 3')
    expect(row(w, 'report').find('[data-testid="job-last"]').text()).toBe('Jamais')
  })

  it('refreshes every 5 seconds while shown, and says a failed refresh', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    wrapper = mount(JobsSection, { global: { plugins: [createPinia(), makeI18n('en')] } })
    await settle()
    expect(api.jobs).toHaveBeenCalledTimes(1)
    expect(row(wrapper, 'collect').attributes('data-status')).toBe('pending')

    state.jobs = [failing()]
    vi.advanceTimersByTime(5000)
    await settle()
    expect(api.jobs).toHaveBeenCalledTimes(2)
    expect(row(wrapper, 'collect').attributes('data-status')).toBe('failing')
    expect(wrapper.findAll('[data-testid="job-row"]')).toHaveLength(1)

    state.fail.jobs = { code: 'internal', message: 'Something unexpected went wrong.' }
    vi.advanceTimersByTime(5000)
    await settle()
    expect(byId(wrapper, 'jobs-error').text()).toBe('Something unexpected went wrong.')
    expect(row(wrapper, 'collect').exists()).toBe(true) // the last known states stay

    vi.advanceTimersByTime(5000)
    await settle()
    expect(byId(wrapper, 'jobs-error').exists()).toBe(false)

    wrapper.unmount()
    wrapper = null
    vi.advanceTimersByTime(20000)
    expect(api.jobs).toHaveBeenCalledTimes(4)
  })
})
