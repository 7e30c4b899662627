import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from './App.vue'
import { makeI18n } from './i18n'
import { calendarModule as cal, PNG, reset, runtimeModule as rt, settingsModule as api, state, workspace } from './test/fake-backend'

vi.mock('./api/settings', () => import('./test/fake-backend').then((m) => m.settingsModule))
vi.mock('./api/runtime', () => import('./test/fake-backend').then((m) => m.runtimeModule))
vi.mock('./api/calendar', () => import('./test/fake-backend').then((m) => m.calendarModule))
vi.mock('./api/composer', () => import('./test/fake-backend').then((m) => m.composerModule))
vi.mock('./api/events', () => import('./test/fake-backend').then((m) => m.eventsModule))

let wrapper: VueWrapper | null = null

async function settle() {
  for (let i = 0; i < 6; i++) await flushPromises()
}

async function start(): Promise<VueWrapper> {
  wrapper = mount(App, { global: { plugins: [createPinia(), makeI18n('en')] }, attachTo: document.body })
  await settle()
  return wrapper
}

function press(key: string, mods: Partial<KeyboardEventInit> = {}) {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }))
}

const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

beforeEach(() => reset())
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('startup', () => {
  it('shows the startup error instead of the app', async () => {
    state.info.startupError = { code: 'storeLocked', message: 'The data folder is in use.' }
    const w = await start()
    expect(byId(w, 'startup-error').exists()).toBe(true)
    expect(byId(w, 'startup-message').text()).toBe('The data folder is in use.')
    expect(byId(w, 'data-dir').text()).toBe(state.info.dataDir)
    expect(w.text()).toContain('Nothing was changed')
    expect(byId(w, 'nav-home').exists()).toBe(false)
    expect(api.listWorkspaces).not.toHaveBeenCalled()
  })

  it('offers the newest backup when the data is damaged, and says what it kept', async () => {
    state.info.startupError = { code: 'store.corrupt', message: 'The data is damaged.' }
    state.restore = { cancelled: false, path: '/b/auto-1.rbak', safetyBackup: '', kept: '/b/damaged-store-1', relaunch: true }
    const w = await start()
    await byId(w, 'startup-restore').trigger('click')
    await settle()
    expect(api.restoreNewest).toHaveBeenCalledOnce()
    expect(byId(w, 'startup-restored').text()).toContain('/b/damaged-store-1')
    expect(byId(w, 'startup-restore').exists()).toBe(false)
  })

  it('offers no restore for a problem a backup does not fix', async () => {
    state.info.startupError = { code: 'store.locked', message: 'In use.' }
    const w = await start()
    expect(byId(w, 'startup-restore').exists()).toBe(false)
  })

  it('offers a retry when the backend cannot be reached', async () => {
    state.fail.info = { code: 'unknown', message: '' }
    const w = await start()
    expect(byId(w, 'startup-message').text()).toBe('Something unexpected went wrong.')
    await byId(w, 'startup-retry').trigger('click')
    await settle()
    expect(byId(w, 'home-title').text()).toBe('Boulangerie Martin')
  })

  it('speaks the language the backend resolved', async () => {
    state.info.language = 'fr'
    const w = await start()
    expect(byId(w, 'nav-home').text()).toBe('Accueil')
    expect(byId(w, 'nav-settings').text()).toBe('Réglages')
    expect(document.documentElement.lang).toBe('fr')
  })
})

describe('home', () => {
  it('shows hostile text as text and refuses unsafe images', async () => {
    const name = '<img src=x onerror="alert(1)">{{ 7*7 }}'
    state.workspaces = [workspace({ name, logoDataUrl: 'javascript:alert(1)' })]
    const w = await start()
    expect(byId(w, 'home-title').text()).toBe(name)
    expect(w.findAll('img')).toHaveLength(0)
    expect(byId(w, 'home-logo').exists()).toBe(false)
  })

  it('shows a safe logo', async () => {
    state.workspaces = [workspace({ logoDataUrl: PNG })]
    const w = await start()
    expect(byId(w, 'home-logo').attributes('src')).toBe(PNG)
  })

  it('opens the demo and shows the demo banner', async () => {
    state.info.offerDemo = true
    const w = await start()
    expect(byId(w, 'demo-banner').exists()).toBe(false)
    await byId(w, 'demo-open').trigger('click')
    await settle()
    expect(api.createDemo).toHaveBeenCalledOnce()
    expect(byId(w, 'demo-offer').exists()).toBe(false)
    expect(byId(w, 'demo-banner').exists()).toBe(true)
    expect(byId(w, 'home-title').text()).toBe('Demo')
  })

  it('dismisses the demo offer', async () => {
    state.info.offerDemo = true
    const w = await start()
    await byId(w, 'demo-dismiss').trigger('click')
    await settle()
    expect(api.dismissDemoOffer).toHaveBeenCalledOnce()
    expect(byId(w, 'demo-offer').exists()).toBe(false)
  })
})

describe('keyboard', () => {
  it('Ctrl+Shift+N, a name and Enter create a workspace with the defaults', async () => {
    const w = await start()
    press('N', { ctrlKey: true, shiftKey: true })
    await settle()
    const input = byId(w, 'ws-name-input')
    expect(document.activeElement).toBe(input.element)
    await input.setValue('Atelier Éole')
    await input.trigger('keydown', { key: 'Enter' })
    await settle()
    expect(api.createWorkspace).toHaveBeenCalledWith({
      name: 'Atelier Éole',
      timeZone: 'America/Montreal',
      language: 'en',
      color: '#f5a623',
    })
    expect(byId(w, 'ws-form').exists()).toBe(false)
    const rows = w.findAll('[data-testid="ws-row"]').map((r) => r.attributes('data-ws-name'))
    expect(rows).toEqual(['Boulangerie Martin', 'Atelier Éole'])
    expect((byId(w, 'ws-switcher').element as HTMLSelectElement).value).toBe(state.workspaces[1].id)
  })

  it('Ctrl+, opens Settings and Escape closes the form', async () => {
    const w = await start()
    press(',', { ctrlKey: true })
    await settle()
    expect(byId(w, 'lang-select').exists()).toBe(true)
    await byId(w, 'ws-new').trigger('click')
    await settle()
    expect(byId(w, 'ws-form').exists()).toBe(true)
    press('Escape')
    await settle()
    expect(byId(w, 'ws-form').exists()).toBe(false)
  })

  it('Ctrl+Q quits', async () => {
    await start()
    press('q', { ctrlKey: true })
    expect(rt.quit).toHaveBeenCalledOnce()
  })

  it('Ctrl+Q quits even from the startup error screen', async () => {
    state.info.startupError = { code: 'x', message: 'y' }
    await start()
    press('q', { ctrlKey: true })
    expect(rt.quit).toHaveBeenCalledOnce()
  })
})

describe('workspace form', () => {
  it('keeps what the user typed when saving fails', async () => {
    state.fail.createWorkspace = { code: 'conflict', message: 'That name is taken.' }
    const w = await start()
    press('N', { ctrlKey: true, shiftKey: true })
    await settle()
    await byId(w, 'ws-name-input').setValue('Boulangerie Martin')
    await byId(w, 'ws-lang-select').setValue('fr')
    await byId(w, 'ws-color-input').setValue('#112233')
    await byId(w, 'ws-save').trigger('submit')
    await settle()
    expect(byId(w, 'ws-form-error').text()).toContain('That name is taken.')
    expect((byId(w, 'ws-name-input').element as HTMLInputElement).value).toBe('Boulangerie Martin')
    expect((byId(w, 'ws-lang-select').element as HTMLSelectElement).value).toBe('fr')
    expect((byId(w, 'ws-color-input').element as HTMLInputElement).value).toBe('#112233')
    expect(byId(w, 'toast').exists()).toBe(false)
  })

  it('filters the time zones and saves the picked one', async () => {
    const w = await start()
    press('N', { ctrlKey: true, shiftKey: true })
    await settle()
    const select = byId(w, 'ws-zone-select').element as HTMLSelectElement
    expect(select.value).toBe('America/Montreal')
    await byId(w, 'ws-zone-filter').setValue('paris')
    await settle()
    expect(select.value).toBe('Europe/Paris')
    expect([...select.options].map((o) => o.value)).toEqual(['Europe/Paris'])
    await byId(w, 'ws-name-input').setValue('Paris')
    await byId(w, 'ws-save').trigger('submit')
    await settle()
    expect(api.createWorkspace).toHaveBeenCalledWith(expect.objectContaining({ timeZone: 'Europe/Paris' }))
  })

  it('requires a name', async () => {
    const w = await start()
    press('N', { ctrlKey: true, shiftKey: true })
    await settle()
    await byId(w, 'ws-name-input').setValue('   ')
    await byId(w, 'ws-name-input').trigger('keydown', { key: 'Enter' })
    await settle()
    expect(byId(w, 'ws-name-error').exists()).toBe(true)
    expect(api.createWorkspace).not.toHaveBeenCalled()
  })

  it('edits a workspace and manages its logo', async () => {
    const w = await start()
    press(',', { ctrlKey: true })
    await settle()
    await byId(w, 'ws-edit').trigger('click')
    await settle()
    expect((byId(w, 'ws-name-input').element as HTMLInputElement).value).toBe('Boulangerie Martin')
    await byId(w, 'ws-logo-choose').trigger('click')
    await settle()
    expect(byId(w, 'ws-logo-preview').attributes('src')).toBe(PNG)
    await byId(w, 'ws-logo-remove').trigger('click')
    await settle()
    expect(byId(w, 'ws-logo-preview').exists()).toBe(false)
    await byId(w, 'ws-name-input').setValue('Martin & Fils')
    await byId(w, 'ws-save').trigger('submit')
    await settle()
    expect(api.updateWorkspace).toHaveBeenCalledWith('w1', {
      name: 'Martin & Fils',
      timeZone: 'Europe/Paris',
      language: 'fr',
      color: '#2f6fde',
    })
    expect(byId(w, 'ws-row').attributes('data-ws-name')).toBe('Martin & Fils')
  })
})

describe('settings', () => {
  async function openSettings() {
    const w = await start()
    await byId(w, 'nav-settings').trigger('click')
    await settle()
    return w
  }

  it('deletes after a confirmation that names the workspace; Escape cancels', async () => {
    state.workspaces = [workspace(), workspace({ id: 'w2', name: 'Café « Loup »', current: false })]
    const w = await openSettings()
    const row = w.find('[data-testid="ws-row"][data-ws-id="w2"]')
    await row.find('[data-testid="ws-delete"]').trigger('click')
    expect(byId(w, 'confirm-text').text()).toContain('Café « Loup »')
    press('Escape')
    await settle()
    expect(byId(w, 'confirm-modal').exists()).toBe(false)
    expect(api.deleteWorkspace).not.toHaveBeenCalled()
    await row.find('[data-testid="ws-delete"]').trigger('click')
    await byId(w, 'confirm-ok').trigger('click')
    await settle()
    expect(api.deleteWorkspace).toHaveBeenCalledWith('w2')
    expect(w.findAll('[data-testid="ws-row"]')).toHaveLength(1)
  })

  it('shows a refused call in a dismissable toast', async () => {
    state.fail.deleteWorkspace = { code: 'invalid', message: 'The last workspace cannot be deleted.' }
    const w = await openSettings()
    await byId(w, 'ws-delete').trigger('click')
    await byId(w, 'confirm-ok').trigger('click')
    await settle()
    expect(byId(w, 'toast').text()).toContain('The last workspace cannot be deleted.')
    await byId(w, 'toast-dismiss').trigger('click')
    expect(byId(w, 'toast').exists()).toBe(false)
  })

  it('switches the language at once', async () => {
    const w = await openSettings()
    await byId(w, 'lang-select').setValue('fr')
    await settle()
    expect(api.setLanguage).toHaveBeenCalledWith('fr')
    expect(byId(w, 'nav-settings').text()).toBe('Réglages')
  })

  it('switches workspace from a row and from the sidebar', async () => {
    state.workspaces = [workspace(), workspace({ id: 'w2', name: 'Second', current: false, color: '#1f9d55' })]
    const w = await openSettings()
    await w.find('[data-ws-id="w2"] [data-testid="ws-switch"]').trigger('click')
    await settle()
    expect(api.switchWorkspace).toHaveBeenCalledWith('w2')
    expect(document.documentElement.style.getPropertyValue('--accent')).toBe('#1f9d55')
    await byId(w, 'ws-switcher').setValue('w1')
    await settle()
    expect(api.switchWorkspace).toHaveBeenLastCalledWith('w1')
  })

  it('backs up and shows the path and size, nothing when cancelled', async () => {
    const w = await openSettings()
    expect(byId(w, 'data-dir').text()).toBe(state.info.dataDir)
    await byId(w, 'backup-now').trigger('click')
    await settle()
    expect(byId(w, 'backup-result').text()).toContain('/tmp/ruche.bak')
    expect(byId(w, 'backup-result').text()).toContain('2.5\u00a0MB')
    state.backup = { cancelled: true, path: '', bytes: 0 }
    await byId(w, 'backup-now').trigger('click')
    await settle()
    expect(byId(w, 'backup-result').exists()).toBe(false)
  })

  it('restores after confirmation, reloads and shows the safety backup', async () => {
    const w = await openSettings()
    await byId(w, 'restore').trigger('click')
    expect(api.restoreFromFile).not.toHaveBeenCalled()
    state.workspaces = [workspace({ id: 'r1', name: 'Restored' })]
    await byId(w, 'confirm-ok').trigger('click')
    await settle()
    expect(api.restoreFromFile).toHaveBeenCalledOnce()
    expect(byId(w, 'safety-backup').text()).toBe('/backups/safety.bak')
    expect(byId(w, 'ws-row').attributes('data-ws-name')).toBe('Restored')
  })

  it('restores the newest backup after confirmation', async () => {
    const w = await openSettings()
    await byId(w, 'restore-newest').trigger('click')
    expect(w.text()).toContain('newest backup of the backups folder')
    await byId(w, 'confirm-ok').trigger('click')
    await settle()
    expect(api.restoreNewest).toHaveBeenCalledOnce()
    expect(api.restoreFromFile).not.toHaveBeenCalled()
    expect(byId(w, 'restore-result').exists()).toBe(true)
  })

  it('edits the publishing queue slots', async () => {
    const w = await openSettings()
    await settle()
    const slots = () => w.findAll('[data-testid="queue-slot"]')
    expect(slots()).toHaveLength(2)
    expect(byId(w, 'queue-save').attributes('disabled')).toBeDefined()
    await byId(w, 'queue-add').trigger('click')
    expect(slots()).toHaveLength(3)
    const last = slots()[2]
    await last.find('[data-testid="queue-weekday"]').setValue('5')
    await last.find('[data-testid="queue-time"]').setValue('12:30')
    await slots()[0].find('[data-testid="queue-remove"]').trigger('click')
    await byId(w, 'queue-save').trigger('click')
    await settle()
    expect(cal.setQueueSlots).toHaveBeenCalledWith([
      { weekday: 3, time: '18:00' },
      { weekday: 5, time: '12:30' },
    ])
    expect(byId(w, 'toast').text()).toContain('Queue slots saved.')
  })

  it('lists the new shortcuts in About', async () => {
    const w = await openSettings()
    expect(w.text()).toContain('Open the calendar')
    expect(w.text()).toContain('New post')
  })

  it('shows the version', async () => {
    const w = await openSettings()
    expect(byId(w, 'app-version').text()).toBe('1.2.3')
  })
})
