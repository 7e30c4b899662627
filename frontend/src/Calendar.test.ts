import FullCalendar from '@fullcalendar/vue3'
import type { CalendarOptions } from '@fullcalendar/core'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from './App.vue'
import { makeI18n } from './i18n'
import { useCalendarStore } from './stores/calendar'
import {
  calendarModule as cal,
  composerModule as composer,
  day,
  emit,
  post,
  reset,
  settingsModule as settings,
  state,
  today,
} from './test/fake-backend'

vi.mock('./api/settings', () => import('./test/fake-backend').then((m) => m.settingsModule))
vi.mock('./api/runtime', () => import('./test/fake-backend').then((m) => m.runtimeModule))
vi.mock('./api/calendar', () => import('./test/fake-backend').then((m) => m.calendarModule))
vi.mock('./api/composer', () => import('./test/fake-backend').then((m) => m.composerModule))
vi.mock('./api/events', () => import('./test/fake-backend').then((m) => m.eventsModule))

let wrapper: VueWrapper | null = null
let pinia: Pinia

async function settle() {
  for (let i = 0; i < 10; i++) await flushPromises()
}

// openCalendar starts the app and opens the calendar on the month of
// day(2), so the fake's posts (day(1) to day(3)) are in view whatever today is.
async function openCalendar(lang: 'en' | 'fr' = 'en', view = 'dayGridMonth', anchor = day(2)): Promise<VueWrapper> {
  state.info.language = lang
  pinia = createPinia()
  setActivePinia(pinia)
  useCalendarStore().setView(view, anchor)
  wrapper = mount(App, { global: { plugins: [pinia, makeI18n(lang)] }, attachTo: document.body })
  await settle()
  await wrapper.find('[data-testid="nav-calendar"]').trigger('click')
  await settle()
  return wrapper
}

const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
const events = () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="post-event"]'))
const eventEl = (id: string) => document.querySelector<HTMLElement>(`[data-testid="post-event"][data-post-id="${id}"]`)
const options = (w: VueWrapper) => w.findComponent(FullCalendar).props('options') as CalendarOptions
const inRange = (date: string) => {
  const [from, to] = cal.range.mock.calls[cal.range.mock.calls.length - 1]
  return date >= from && date < to
}

function press(key: string, mods: Partial<KeyboardEventInit> = {}) {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }))
}

beforeEach(() => reset())
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  localStorage.clear()
})

describe('calendar', () => {
  it('comes first in the sidebar and shows the posts of the visible range', async () => {
    const w = await openCalendar()
    const nav = w.findAll('.nav-item').map((b) => b.attributes('data-testid'))
    expect(nav).toEqual(['nav-calendar', 'nav-home', 'nav-accounts', 'nav-analytics', 'nav-settings'])
    expect(byId(w, 'calendar').classes()).toContain('fc')
    expect(cal.range).toHaveBeenCalled()
    const want = state.posts.filter((p) => p.localDate && inRange(p.localDate)).map((p) => p.id).sort()
    expect(events().map((e) => e.dataset.postId).sort()).toEqual(want)
    const p1 = eventEl('p1')!
    expect(p1.dataset.date).toBe(day(2))
    expect(p1.textContent).toContain('Le pain du jour')
    expect(p1.getAttribute('title')).toContain('(Europe / Paris)')
    expect(byId(w, 'calendar-zone').text()).toContain('Europe / Paris')
    expect(w.findAll('[data-testid="draft-item"]').map((d) => d.attributes('data-post-id'))).toEqual(['d1'])
  })

  it('asks the backend for local days [from, to)', async () => {
    await openCalendar()
    const [from, to] = cal.range.mock.calls[0]
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(to).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(to > from).toBe(true)
  })

  it('starts weeks on Sunday in English and Monday in French, in the UI language', async () => {
    const w = await openCalendar('en')
    expect(document.querySelector('.fc-col-header-cell')?.textContent).toBe('Sun')
    wrapper?.unmount()
    document.body.innerHTML = ''
    reset()
    const f = await openCalendar('fr')
    expect(document.querySelector('.fc-col-header-cell')?.textContent).toBe('lun.')
    expect(byId(f, 'nav-calendar').text()).toBe('Calendrier')
    expect(w).toBeTruthy()
  })

  it('switches views with its own buttons', async () => {
    const w = await openCalendar('en', 'dayGridMonth', day(2))
    await byId(w, 'cal-view-week').trigger('click')
    await settle()
    expect(document.querySelector('.fc-timeGridWeek-view')).not.toBeNull()
    expect(byId(w, 'cal-view-week').attributes('aria-pressed')).toBe('true')
    await byId(w, 'cal-view-list').trigger('click')
    await settle()
    expect(document.querySelector('.fc-listWeek-view')).not.toBeNull()
    await byId(w, 'cal-view-day').trigger('click')
    await settle()
    expect(document.querySelector('.fc-timeGridDay-view')).not.toBeNull()
    await byId(w, 'cal-view-month').trigger('click')
    await settle()
    expect(document.querySelector('.fc-dayGridMonth-view')).not.toBeNull()
  })

  it('does not let published posts be dragged', async () => {
    await openCalendar('en', 'dayGridMonth', day(1))
    if (!inRange(day(1))) return
    expect(eventEl('p3')!.classList.contains('fc-event-draggable')).toBe(false)
    expect(eventEl('p3')!.dataset.status).toBe('published')
    if (inRange(day(2))) expect(eventEl('p1')!.classList.contains('fc-event-draggable')).toBe(true)
  })

  it('persists a drag to another day and time', async () => {
    const w = await openCalendar()
    const revert = vi.fn()
    const target = day(4)
    await options(w).eventDrop!({ event: { id: 'p1', startStr: `${target}T11:30:00+01:00` }, revert } as never)
    await settle()
    expect(cal.movePost).toHaveBeenCalledWith('p1', target, '11:30')
    expect(revert).not.toHaveBeenCalled()
    expect(state.posts.find((p) => p.id === 'p1')?.localDate).toBe(target)
  })

  it('reverts a refused drag and shows why', async () => {
    const w = await openCalendar()
    const revert = vi.fn()
    await options(w).eventDrop!({ event: { id: 'p1', startStr: '2020-01-01T10:00:00+01:00' }, revert } as never)
    await settle()
    expect(revert).toHaveBeenCalledOnce()
    expect(byId(w, 'toast').text()).toContain('This time is already past')
    expect(byId(w, 'toast').attributes('data-code')).toBe('post.time_past')
    expect(state.posts.find((p) => p.id === 'p1')?.localDate).toBe(day(2))
  })

  it('schedules a draft dropped on a day at 09:00', async () => {
    const w = await openCalendar()
    const el = document.querySelector<HTMLElement>('[data-testid="draft-item"][data-post-id="d1"]')!
    await options(w).drop!({ draggedEl: el, dateStr: day(3), allDay: true } as never)
    await settle()
    expect(cal.movePost).toHaveBeenCalledWith('d1', day(3), '09:00')
    expect(w.findAll('[data-testid="draft-item"]')).toHaveLength(0)
  })

  it('schedules a draft dropped on a time slot at that time', async () => {
    const w = await openCalendar()
    const el = document.querySelector<HTMLElement>('[data-testid="draft-item"][data-post-id="d1"]')!
    await options(w).drop!({ draggedEl: el, dateStr: `${day(3)}T16:30:00+01:00`, allDay: false } as never)
    await settle()
    expect(cal.movePost).toHaveBeenCalledWith('d1', day(3), '16:30')
  })

  it('adds a draft to the queue', async () => {
    const w = await openCalendar()
    await byId(w, 'draft-queue').trigger('click')
    await settle()
    expect(cal.addToQueue).toHaveBeenCalledWith('d1')
    expect(byId(w, 'toast').text()).toContain('Added to the queue')
    expect(w.findAll('[data-testid="draft-item"]')).toHaveLength(0)
  })

  it('opens a post in the composer', async () => {
    const w = await openCalendar()
    eventEl('p1')!.click()
    await settle()
    expect(byId(w, 'composer').exists()).toBe(true)
    expect(composer.getPost).toHaveBeenCalledWith('p1')
    expect((byId(w, 'composer-text').element as HTMLTextAreaElement).value).toBe('Le pain du jour #pain')
    expect((byId(w, 'composer-date').element as HTMLInputElement).value).toBe(day(2))
  })

  it('opens a draft from the side list and a new post from the header', async () => {
    const w = await openCalendar()
    await byId(w, 'draft-open').trigger('click')
    await settle()
    expect(composer.getPost).toHaveBeenCalledWith('d1')
    await byId(w, 'composer-close').trigger('click')
    await settle()
    expect(byId(w, 'calendar').exists()).toBe(true)
    await byId(w, 'cal-new-post').trigger('click')
    await settle()
    expect(byId(w, 'composer').exists()).toBe(true)
  })

  it('colours by pillar or by network', async () => {
    const w = await openCalendar()
    const before = eventEl('p2')!.style.backgroundColor
    await byId(w, 'cal-color-network').trigger('click')
    await settle()
    expect(byId(w, 'cal-color-network').attributes('aria-pressed')).toBe('true')
    const after = eventEl('p2')!.style.backgroundColor
    expect(after).not.toBe(before)
    expect(localStorage.getItem('ruche.calendar.colorBy')).toBe('network')
  })

  it('shows hostile titles as text', async () => {
    state.posts = [post({ title: '<img src=x onerror="alert(1)">' })]
    await openCalendar()
    expect(eventEl('p1')!.textContent).toContain('<img src=x onerror="alert(1)">')
    expect(eventEl('p1')!.querySelector('img')).toBeNull()
  })
})

describe('crisis switch', () => {
  it('pauses with a reason, marks the posts and resumes', async () => {
    const w = await openCalendar()
    expect(byId(w, 'pause-banner').exists()).toBe(false)
    await byId(w, 'pause-open').trigger('click')
    await settle()
    await byId(w, 'pause-confirm').trigger('click')
    expect(byId(w, 'pause-dialog').text()).toContain('Say why')
    expect(cal.pause).not.toHaveBeenCalled()
    await byId(w, 'pause-reason').setValue('Deuil national')
    await byId(w, 'pause-scope-all').setValue(true)
    await byId(w, 'pause-confirm').trigger('click')
    await settle()
    expect(cal.pause).toHaveBeenCalledWith('Deuil national', '', true)
    expect(byId(w, 'pause-dialog').exists()).toBe(false)
    expect(byId(w, 'pause-banner').text()).toContain('Deuil national')
    expect(byId(w, 'pause-banner').text()).toContain('all workspaces')
    expect(eventEl('p1')!.dataset.status).toBe('paused')
    // FullCalendar's own classes survive the re-render
    expect(byId(w, 'calendar').classes()).toEqual(expect.arrayContaining(['ruche-calendar', 'fc', 'fc-theme-standard']))
    await byId(w, 'resume').trigger('click')
    await settle()
    expect(cal.resume).toHaveBeenCalledOnce()
    expect(byId(w, 'pause-banner').exists()).toBe(false)
    expect(eventEl('p1')!.dataset.status).toBe('scheduled')
  })

  it('resumes automatically at a time of the workspace zone', async () => {
    const w = await openCalendar()
    await byId(w, 'pause-open').trigger('click')
    await settle()
    await byId(w, 'pause-reason').setValue('Incident')
    await byId(w, 'pause-auto').setValue(true)
    await byId(w, 'pause-until-date').setValue('2030-07-01')
    await byId(w, 'pause-until-time').setValue('18:00')
    await byId(w, 'pause-confirm').trigger('click')
    await settle()
    expect(cal.pause).toHaveBeenCalledWith('Incident', '2030-07-01T16:00:00Z', false)
    expect(byId(w, 'pause-banner').text()).toContain('automatic resume')
  })

  it('shows the banner when the backend says it is paused', async () => {
    state.pause = { reason: 'Crise', since: '2025-11-24T09:00:00Z', until: '', allSpaces: false }
    const w = await openCalendar()
    expect(byId(w, 'pause-banner').text()).toContain('Crise')
    expect(byId(w, 'pause-open').exists()).toBe(false)
  })
})

describe('missed posts', () => {
  function withMissed() {
    state.posts.push(post({ id: 'm1', status: 'missed', localDate: day(2), localTime: '07:00', title: 'Raté' }))
  }

  it('asks what to do and reschedules', async () => {
    withMissed()
    const w = await openCalendar()
    expect(byId(w, 'missed-dialog').text()).toContain('Raté')
    await byId(w, 'missed-date').setValue(day(5))
    await byId(w, 'missed-time').setValue('12:15')
    await byId(w, 'missed-reschedule').trigger('click')
    await settle()
    expect(cal.resolveMissed).toHaveBeenCalledWith('m1', 'reschedule', day(5), '12:15')
    expect(byId(w, 'missed-dialog').exists()).toBe(false)
  })

  it('publishes now or skips', async () => {
    withMissed()
    state.posts.push(post({ id: 'm2', status: 'missed', localDate: day(2), localTime: '07:30', title: 'Raté 2' }))
    const w = await openCalendar()
    await byId(w, 'missed-publish').trigger('click')
    await settle()
    expect(cal.resolveMissed).toHaveBeenCalledWith('m1', 'publish_now', '', '')
    expect(byId(w, 'missed-dialog').text()).toContain('Raté 2')
    await byId(w, 'missed-skip').trigger('click')
    await settle()
    expect(cal.resolveMissed).toHaveBeenLastCalledWith('m2', 'skip', '', '')
    expect(byId(w, 'missed-dialog').exists()).toBe(false)
  })

  it('can be decided later, and reopened from the event', async () => {
    withMissed()
    const w = await openCalendar()
    await byId(w, 'missed-later').trigger('click')
    await settle()
    expect(byId(w, 'missed-dialog').exists()).toBe(false)
    eventEl('m1')!.click()
    await settle()
    expect(byId(w, 'missed-dialog').exists()).toBe(true)
    expect(composer.getPost).not.toHaveBeenCalled()
  })
})

describe('import and export', () => {
  it('previews every row with its problems and imports only the valid ones', async () => {
    const w = await openCalendar()
    await byId(w, 'import-csv').trigger('click')
    await settle()
    const rows = w.findAll('[data-testid="import-row"]')
    expect(rows.map((r) => r.attributes('data-ok'))).toEqual(['true', 'false'])
    expect(rows[1].text()).toContain('is not a date')
    expect(rows[1].text()).toContain('no connected account')
    expect(byId(w, 'import-confirm').text()).toContain('(1)')
    await byId(w, 'import-confirm').trigger('click')
    await settle()
    expect(cal.confirmImport).toHaveBeenCalledWith('tok-1')
    expect(byId(w, 'import-dialog').exists()).toBe(false)
    expect(byId(w, 'toast').text()).toContain('Posts imported: 1.')
  })

  it('saves nothing when the preview is cancelled', async () => {
    const w = await openCalendar()
    await byId(w, 'import-csv').trigger('click')
    await settle()
    await byId(w, 'import-cancel').trigger('click')
    await settle()
    expect(byId(w, 'import-dialog').exists()).toBe(false)
    expect(cal.confirmImport).not.toHaveBeenCalled()
  })

  it('shows nothing when the file dialog is cancelled', async () => {
    state.importPreview = { cancelled: true, path: '', token: '', rows: [], valid: 0, invalid: 0 }
    const w = await openCalendar()
    await byId(w, 'import-csv').trigger('click')
    await settle()
    expect(byId(w, 'import-dialog').exists()).toBe(false)
  })

  it('refuses to import a file without valid rows', async () => {
    state.importPreview.rows = state.importPreview.rows.slice(1)
    state.importPreview.valid = 0
    const w = await openCalendar()
    await byId(w, 'import-csv').trigger('click')
    await settle()
    expect(byId(w, 'import-confirm').attributes('disabled')).toBeDefined()
  })

  it('exports ICS and CSV, quietly when cancelled', async () => {
    const w = await openCalendar()
    await byId(w, 'export-ics').trigger('click')
    await settle()
    expect(byId(w, 'toast').text()).toContain('/home/camille/ruche.ics')
    await byId(w, 'toast-dismiss').trigger('click')
    await byId(w, 'export-csv').trigger('click')
    await settle()
    expect(cal.exportCSV).toHaveBeenCalledOnce()
    expect(byId(w, 'toast').text()).toContain('/home/camille/ruche.csv')
    await byId(w, 'toast-dismiss').trigger('click')
    state.exportPath = ''
    await byId(w, 'export-ics').trigger('click')
    await settle()
    expect(byId(w, 'toast').exists()).toBe(false)
  })
})

describe('backend events', () => {
  it('reloads when the scheduler changes posts', async () => {
    const w = await openCalendar()
    state.posts.find((p) => p.id === 'p1')!.status = 'published'
    const calls = cal.range.mock.calls.length
    emit.postsChanged()
    await settle()
    expect(cal.range.mock.calls.length).toBeGreaterThan(calls)
    expect(eventEl('p1')!.dataset.status).toBe('published')
    expect(w).toBeTruthy()
  })

  it('tells of a failed post and opens it', async () => {
    const w = await openCalendar()
    emit.postFailed({ id: 'p2', title: 'Coulisses du fournil', reason: 'Mastodon refused the post (error 422).' })
    await settle()
    expect(byId(w, 'toast').text()).toContain('Coulisses du fournil')
    expect(byId(w, 'toast').text()).toContain('error 422')
    await byId(w, 'toast-action').trigger('click')
    await settle()
    expect(composer.getPost).toHaveBeenCalledWith('p2')
    expect(byId(w, 'toast').exists()).toBe(false)
  })

  it('opens the post of a clicked desktop notification', async () => {
    const w = await openCalendar()
    emit.postOpen('p2')
    await settle()
    expect(composer.getPost).toHaveBeenCalledWith('p2')
    expect(byId(w, 'composer').exists()).toBe(true)
  })
})

describe('keyboard and home', () => {
  it('Ctrl+1, Ctrl+2 and Ctrl+Shift+P', async () => {
    pinia = createPinia()
    wrapper = mount(App, { global: { plugins: [pinia, makeI18n('en')] }, attachTo: document.body })
    await settle()
    press('1', { ctrlKey: true, code: 'Digit1' })
    await settle()
    expect(byId(wrapper, 'calendar').exists()).toBe(true)
    press('2', { ctrlKey: true, code: 'Digit2' })
    await settle()
    expect(byId(wrapper, 'home-title').exists()).toBe(true)
    press('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' })
    await settle()
    expect(byId(wrapper, 'composer').exists()).toBe(true)
    expect(composer.accounts).toHaveBeenCalled()
  })

  it('Home links to the calendar', async () => {
    pinia = createPinia()
    wrapper = mount(App, { global: { plugins: [pinia, makeI18n('en')] }, attachTo: document.body })
    await settle()
    await byId(wrapper, 'home-calendar').trigger('click')
    await settle()
    expect(byId(wrapper, 'calendar').exists()).toBe(true)
  })

  it('reloads the calendar when the workspace changes', async () => {
    state.workspaces.push({ ...state.workspaces[0], id: 'w2', name: 'Autre', current: false, timeZone: 'America/Montreal' })
    const w = await openCalendar()
    const calls = cal.range.mock.calls.length
    await byId(w, 'ws-switcher').setValue('w2')
    await settle()
    expect(settings.switchWorkspace).toHaveBeenCalledWith('w2')
    expect(cal.range.mock.calls.length).toBeGreaterThan(calls)
    expect(byId(w, 'calendar-zone').text()).toContain('America / Montreal')
    expect(cal.drafts.mock.calls.length).toBeGreaterThanOrEqual(2)
    expect(today()).toMatch(/^\d{4}/)
  })
})
