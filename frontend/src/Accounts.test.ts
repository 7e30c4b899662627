import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from './App.vue'
import { makeI18n } from './i18n'
import { account, accountsModule as api, mastodon, reset, runtimeModule as rt, state } from './test/fake-backend'

vi.mock('./api/settings', () => import('./test/fake-backend').then((m) => m.settingsModule))
vi.mock('./api/runtime', () => import('./test/fake-backend').then((m) => m.runtimeModule))
vi.mock('./api/calendar', () => import('./test/fake-backend').then((m) => m.calendarModule))
vi.mock('./api/composer', () => import('./test/fake-backend').then((m) => m.composerModule))
vi.mock('./api/events', () => import('./test/fake-backend').then((m) => m.eventsModule))
vi.mock('./api/accounts', () => import('./test/fake-backend').then((m) => m.accountsModule))

let wrapper: VueWrapper | null = null

async function settle() {
  for (let i = 0; i < 8; i++) await flushPromises()
}

function press(key: string) {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}

async function openAccounts(lang: 'en' | 'fr' = 'en'): Promise<VueWrapper> {
  state.info.language = lang
  wrapper = mount(App, { global: { plugins: [createPinia(), makeI18n(lang)] }, attachTo: document.body })
  await settle()
  await wrapper.find('[data-testid="nav-accounts"]').trigger('click')
  await settle()
  return wrapper
}

const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
const rowOf = (w: VueWrapper, id: string) => w.find(`[data-testid="account-row"][data-account-id="${id}"]`)
const rowIds = (w: VueWrapper) => w.findAll('[data-testid="account-row"]').map((r) => r.attributes('data-account-id'))
const toasts = (w: VueWrapper) => w.findAll('[data-testid="toast"]').map((t) => t.text())

async function click(w: VueWrapper, id: string) {
  await byId(w, id).trigger('click')
  await settle()
}

// connectDialog opens "Connect an account" on network's form.
async function connectDialog(w: VueWrapper, network: 'bluesky' | 'mastodon') {
  await click(w, 'accounts-connect')
  expect(byId(w, 'connect-dialog').exists()).toBe(true)
  await click(w, `connect-${network}`)
}

async function startMastodon(w: VueWrapper, instance = 'piaille.fr') {
  await connectDialog(w, 'mastodon')
  await byId(w, 'mastodon-instance').setValue(instance)
  await byId(w, 'mastodon-open').trigger('submit')
  await settle()
}

beforeEach(() => reset())
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('the Accounts screen', () => {
  it('sits between Calendar and Settings in the sidebar, in both languages', async () => {
    const w = await openAccounts('fr')
    const nav = w.findAll('.nav-item').map((b) => b.attributes('data-testid'))
    expect(nav.indexOf('nav-accounts')).toBeGreaterThan(nav.indexOf('nav-calendar'))
    expect(nav.indexOf('nav-accounts')).toBeLessThan(nav.indexOf('nav-settings'))
    expect(byId(w, 'nav-accounts').text()).toBe('Comptes')
    expect(byId(w, 'nav-accounts').attributes('aria-current')).toBe('page')
    expect(byId(w, 'accounts-title').text()).toBe('Comptes')
    expect(byId(w, 'accounts-subtitle').text()).toContain('«\u00a0Boulangerie Martin\u00a0»')
  })

  it('lists each account with its network, handle, server and health', async () => {
    state.accounts = [
      account('ok', 'bluesky', { handle: '@ok.bsky.social', displayName: 'Fournil OK' }),
      account('soon', 'bluesky', { handle: '@soon.bsky.social', health: 'expiring', expiresAt: '2030-01-15T10:00:00Z' }),
      account('lost', 'mastodon', { handle: '@lost@piaille.fr', status: 'reconnect_needed' }),
      account('off', 'mastodon', { handle: '@off@piaille.fr', status: 'disconnected' }),
      account('demo', 'mastodon', { handle: '@demo@example.org', status: 'demo', server: '' }),
    ]
    const w = await openAccounts()
    expect(api.listAccounts).toHaveBeenCalled()
    // The ones that need the user come first.
    expect(rowIds(w)).toEqual(['lost', 'soon', 'ok', 'off', 'demo'])

    const health = (id: string) => rowOf(w, id).find('[data-testid="account-health"]').text()
    expect(health('ok')).toBe('Connected')
    expect(health('soon')).toBe('Token expiring — January 15, 2030')
    expect(health('lost')).toBe('Reconnect needed')
    expect(health('off')).toBe('Disconnected')
    expect(health('demo')).toBe('Demo — publishes nowhere')

    const ok = rowOf(w, 'ok')
    expect(ok.find('[data-testid="account-name"]').text()).toBe('Fournil OK')
    expect(ok.find('[data-testid="account-handle"]').text()).toBe('@ok.bsky.social')
    expect(ok.find('[data-testid="account-network"]').text()).toBe('BBluesky')
    expect(ok.find('[data-testid="account-server"]').text()).toBe('bsky.social')
    expect(ok.find('[data-testid="account-avatar"]').text()).toContain('FO')
    expect(rowOf(w, 'lost').find('[data-testid="account-server"]').text()).toBe('piaille.fr')

    const actions = (id: string) =>
      ['account-reconnect', 'account-disconnect', 'account-remove', 'account-native'].filter((a) => rowOf(w, id).find(`[data-testid="${a}"]`).exists())
    expect(actions('ok')).toEqual(['account-disconnect', 'account-remove'])
    expect(actions('soon')).toEqual(['account-reconnect', 'account-disconnect', 'account-remove'])
    expect(actions('lost')).toEqual(['account-reconnect', 'account-disconnect', 'account-remove', 'account-native'])
    expect(actions('off')).toEqual(['account-reconnect', 'account-remove', 'account-native'])
    expect(actions('demo')).toEqual(['account-remove'])
    // No avatar is fetched: initials only.
    expect(w.findAll('img')).toHaveLength(0)
  })

  it('shows hostile names as text', async () => {
    const name = '<img src=x onerror="alert(1)">{{ 7*7 }}'
    state.accounts = [account('a', 'mastodon', { displayName: name, handle: '<b>@x</b>' })]
    const w = await openAccounts()
    expect(rowOf(w, 'a').find('[data-testid="account-name"]').text()).toBe(name)
    expect(rowOf(w, 'a').find('[data-testid="account-handle"]').text()).toBe('<b>@x</b>')
    expect(w.findAll('img')).toHaveLength(0)
    expect(w.find('b').exists()).toBe(false)
  })

  it('explains the empty list and offers to connect', async () => {
    state.accounts = []
    const w = await openAccounts()
    expect(byId(w, 'accounts-empty').text()).toContain('No account yet')
    expect(byId(w, 'accounts-list').exists()).toBe(false)
    await click(w, 'accounts-connect')
    expect(byId(w, 'connect-dialog').exists()).toBe(true)
    expect(byId(w, 'connect-mastodon').exists()).toBe(true)
    expect(byId(w, 'connect-bluesky').exists()).toBe(true)
  })

  it('reloads when the workspace changes', async () => {
    const w = await openAccounts()
    const calls = api.listAccounts.mock.calls.length
    const { useWorkspacesStore } = await import('./stores/workspaces')
    state.workspaces = [...state.workspaces.map((x) => ({ ...x, current: false })), { ...state.workspaces[0], id: 'w2', name: 'Atelier', current: true }]
    await useWorkspacesStore().load()
    await settle()
    expect(api.listAccounts.mock.calls.length).toBe(calls + 1)
    expect(byId(w, 'accounts-subtitle').text()).toContain('Atelier')
  })
})

describe('the connect dialog', () => {
  it('focuses the first choice, goes back and closes with Escape', async () => {
    const w = await openAccounts()
    const opener = byId(w, 'accounts-connect').element as HTMLElement
    opener.focus()
    await click(w, 'accounts-connect')
    expect(document.activeElement).toBe(byId(w, 'connect-mastodon').element)
    await click(w, 'connect-bluesky')
    expect(document.activeElement).toBe(byId(w, 'bluesky-handle').element)
    await click(w, 'connect-back')
    expect(document.activeElement).toBe(byId(w, 'connect-bluesky').element)
    press('Escape')
    await settle()
    expect(byId(w, 'connect-dialog').exists()).toBe(false)
    expect(document.activeElement).toBe(opener)
  })
})

describe('connecting Bluesky', () => {
  it('connects with an app password, then forgets it', async () => {
    const w = await openAccounts()
    await connectDialog(w, 'bluesky')
    expect(byId(w, 'bluesky-handle').attributes('placeholder')).toBe('name.bsky.social')
    const pw = byId(w, 'bluesky-password')
    expect(pw.attributes('type')).toBe('password')
    expect(pw.attributes('autocomplete')).toBe('off')
    expect(byId(w, 'bluesky-form').text()).toContain('Settings › Privacy and security › App passwords')
    expect(byId(w, 'bluesky-submit').attributes('disabled')).toBeDefined()

    await byId(w, 'bluesky-handle').setValue('@camille.bsky.social')
    await pw.setValue('abcd-efgh-ijkl-mnop')
    const input = pw.element as HTMLInputElement
    await byId(w, 'bluesky-form').trigger('submit')
    await settle()

    expect(api.connectBluesky).toHaveBeenCalledWith('camille.bsky.social', 'abcd-efgh-ijkl-mnop', '')
    expect(input.value).toBe('')
    expect(byId(w, 'connect-dialog').exists()).toBe(false)
    expect(toasts(w).join()).toContain('is connected')
    expect(w.findAll('[data-testid="account-handle"]').map((h) => h.text())).toContain('@camille.bsky.social')
  })

  it('sends the server when one is given and proposes the full handle', async () => {
    const w = await openAccounts()
    await connectDialog(w, 'bluesky')
    await byId(w, 'bluesky-handle').setValue('camille')
    expect(byId(w, 'bluesky-suggestion').text()).toContain('camille.bsky.social')
    await click(w, 'bluesky-use-suggestion')
    expect((byId(w, 'bluesky-handle').element as HTMLInputElement).value).toBe('camille.bsky.social')
    expect(document.activeElement).toBe(byId(w, 'bluesky-password').element)
    await byId(w, 'bluesky-password').setValue('pw')
    await byId(w, 'bluesky-service').setValue(' https://pds.example.com ')
    await byId(w, 'bluesky-form').trigger('submit')
    await settle()
    expect(api.connectBluesky).toHaveBeenCalledWith('camille.bsky.social', 'pw', 'https://pds.example.com')
  })

  it('shows a refusal next to the field to fix and keeps the form open', async () => {
    const w = await openAccounts()
    await connectDialog(w, 'bluesky')
    await byId(w, 'bluesky-handle').setValue('camille.bsky.social')
    await byId(w, 'bluesky-password').setValue('my-main-password')
    state.fail.connectBluesky = { code: 'bluesky.wrong_password', message: 'Bluesky refused the handle camille.bsky.social with this password.' }
    await byId(w, 'bluesky-form').trigger('submit')
    await settle()

    const err = byId(w, 'bluesky-error')
    expect(err.attributes('role')).toBe('alert')
    expect(err.attributes('data-field')).toBe('password')
    expect(err.text()).toBe('Bluesky refused the handle camille.bsky.social with this password.')
    expect(byId(w, 'bluesky-password').attributes('aria-invalid')).toBe('true')
    expect(byId(w, 'bluesky-password').attributes('aria-describedby')).toContain('bsky-password-error')
    expect(document.activeElement).toBe(byId(w, 'bluesky-password').element)
    expect(byId(w, 'connect-dialog').exists()).toBe(true)
    expect(toasts(w)).toEqual([])

    // Typing again clears it; an unknown handle goes next to the handle.
    await byId(w, 'bluesky-password').setValue('app-pass')
    expect(byId(w, 'bluesky-error').exists()).toBe(false)
    state.fail.connectBluesky = { code: 'bluesky.handle_unresolved', message: 'No Bluesky account answers to camille.bsky.social.' }
    await byId(w, 'bluesky-form').trigger('submit')
    await settle()
    expect(byId(w, 'bluesky-error').attributes('data-field')).toBe('handle')
    expect(document.activeElement).toBe(byId(w, 'bluesky-handle').element)

    // A server that does not answer opens the advanced part.
    state.fail.connectBluesky = { code: 'bluesky.service_unreachable', message: 'The server does not answer.' }
    await byId(w, 'bluesky-form').trigger('submit')
    await settle()
    expect(byId(w, 'bluesky-error').attributes('data-field')).toBe('service')
    expect((w.find('details.advanced').element as HTMLDetailsElement).open).toBe(true)

    // Anything else goes at the foot of the form.
    state.fail.connectBluesky = { code: 'connect.keychain', message: 'The keychain is locked.' }
    await byId(w, 'bluesky-form').trigger('submit')
    await settle()
    expect(byId(w, 'bluesky-error').attributes('data-field')).toBe('form')
    expect(byId(w, 'bluesky-error').text()).toBe('The keychain is locked.')
  })
})

describe('connecting Mastodon', () => {
  it('opens the authorization page, waits for the browser, then connects', async () => {
    const w = await openAccounts()
    await connectDialog(w, 'mastodon')
    expect(byId(w, 'mastodon-instance').attributes('placeholder')).toBe('mastodon.social')
    expect(document.activeElement).toBe(byId(w, 'mastodon-instance').element)
    await byId(w, 'mastodon-instance').setValue('@fournil@piaille.fr')
    expect(byId(w, 'mastodon-hint').text()).toBe('Ruche will connect to piaille.fr.')
    await byId(w, 'mastodon-open').trigger('submit')
    await settle()

    expect(api.startMastodon).toHaveBeenCalledWith('@fournil@piaille.fr', false)
    const flowId = mastodon.waiting()[0]
    expect(api.finishMastodon).toHaveBeenCalledWith(flowId, '')
    const waiting = byId(w, 'mastodon-waiting')
    expect(waiting.attributes('role')).toBe('status')
    expect(waiting.text()).toContain('Approve Ruche in your browser…')
    expect(waiting.text()).toContain('piaille.fr')
    expect(document.activeElement).toBe(waiting.element)
    const url = `https://piaille.fr/oauth/authorize?client_id=ruche&state=${flowId}`
    expect(byId(w, 'mastodon-url').text()).toBe(url)
    await click(w, 'copy-mastodon-url')
    expect(rt.copyText).toHaveBeenCalledWith(url)

    mastodon.approve(flowId)
    await settle()
    expect(byId(w, 'connect-dialog').exists()).toBe(false)
    expect(toasts(w).join()).toContain('is connected')
    expect(w.findAll('[data-testid="account-handle"]').map((h) => h.text())).toContain('@fournil@piaille.fr')
  })

  it('shows an address that is no Mastodon instance next to the address', async () => {
    const w = await openAccounts()
    state.fail.startMastodon = { code: 'mastodon.not_mastodon', message: 'example.com is not a Mastodon instance.' }
    await startMastodon(w, 'example.com')
    const err = byId(w, 'mastodon-error')
    expect(err.attributes('data-field')).toBe('instance')
    expect(err.attributes('role')).toBe('alert')
    expect(err.text()).toBe('example.com is not a Mastodon instance.')
    expect(byId(w, 'mastodon-instance').attributes('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(byId(w, 'mastodon-instance').element)
    expect(api.finishMastodon).not.toHaveBeenCalled()
  })

  it('says why when the authorization is refused in the browser', async () => {
    const w = await openAccounts()
    await startMastodon(w)
    mastodon.deny({ code: 'oauth.access_denied', message: 'The authorization was refused on the instance.' })
    await settle()
    expect(byId(w, 'mastodon-form').attributes('data-phase')).toBe('instance')
    expect(byId(w, 'mastodon-error').attributes('data-field')).toBe('form')
    expect(byId(w, 'mastodon-error').text()).toBe('The authorization was refused on the instance.')
  })

  it('falls back on pasting the code', async () => {
    const w = await openAccounts()
    await startMastodon(w)
    const first = mastodon.waiting()[0]
    await click(w, 'mastodon-paste-link')

    expect(api.cancelMastodon).toHaveBeenCalledWith(first)
    expect(api.startMastodon).toHaveBeenLastCalledWith('piaille.fr', true)
    expect(byId(w, 'mastodon-form').attributes('data-phase')).toBe('code')
    const code = byId(w, 'mastodon-code')
    expect(document.activeElement).toBe(code.element)
    expect(byId(w, 'mastodon-url').text()).toContain('https://piaille.fr/oauth/authorize')
    // The cancelled wait says nothing.
    expect(byId(w, 'mastodon-error').exists()).toBe(false)
    expect(toasts(w)).toEqual([])

    await code.setValue('wrong')
    await byId(w, 'mastodon-code-submit').trigger('submit')
    await settle()
    const second = Object.keys(state.flows)[0]
    expect(api.finishMastodon).toHaveBeenLastCalledWith(second, 'wrong')
    expect(byId(w, 'mastodon-error').attributes('data-field')).toBe('code')
    expect(byId(w, 'mastodon-code').attributes('aria-invalid')).toBe('true')

    await byId(w, 'mastodon-code').setValue(' good-code ')
    await byId(w, 'mastodon-code-submit').trigger('submit')
    await settle()
    expect(api.finishMastodon).toHaveBeenLastCalledWith(second, 'good-code')
    expect(byId(w, 'connect-dialog').exists()).toBe(false)
    expect(w.findAll('[data-testid="account-handle"]').map((h) => h.text())).toContain('@fournil@piaille.fr')
  })

  it('cancels the authorization and starts over', async () => {
    const w = await openAccounts()
    await startMastodon(w)
    const flowId = mastodon.waiting()[0]
    await click(w, 'mastodon-cancel')

    expect(api.cancelMastodon).toHaveBeenCalledWith(flowId)
    expect(state.flows).toEqual({})
    expect(byId(w, 'mastodon-form').attributes('data-phase')).toBe('instance')
    expect((byId(w, 'mastodon-instance').element as HTMLInputElement).value).toBe('piaille.fr')
    expect(document.activeElement).toBe(byId(w, 'mastodon-instance').element)
    expect(byId(w, 'mastodon-error').exists()).toBe(false)
    expect(toasts(w)).toEqual([])
    expect(byId(w, 'connect-dialog').exists()).toBe(true)
  })

  it('cancels the authorization when the dialog closes', async () => {
    const w = await openAccounts()
    await startMastodon(w)
    const flowId = mastodon.waiting()[0]
    press('Escape')
    await settle()
    expect(byId(w, 'connect-dialog').exists()).toBe(false)
    expect(api.cancelMastodon).toHaveBeenCalledWith(flowId)
    expect(toasts(w)).toEqual([])
  })
})

describe('reconnecting', () => {
  it('opens the Bluesky form prefilled with the handle', async () => {
    state.accounts = [account('lost', 'bluesky', { handle: '@lost.bsky.social', displayName: 'Perdu', status: 'reconnect_needed' })]
    const w = await openAccounts()
    await rowOf(w, 'lost').find('[data-testid="account-reconnect"]').trigger('click')
    await settle()
    expect(byId(w, 'connect-dialog').text()).toContain('Reconnect Perdu')
    expect((byId(w, 'bluesky-handle').element as HTMLInputElement).value).toBe('lost.bsky.social')
    expect(document.activeElement).toBe(byId(w, 'bluesky-password').element)
    expect(byId(w, 'connect-back').exists()).toBe(false)
    await byId(w, 'bluesky-password').setValue('new-app-pass')
    await byId(w, 'bluesky-form').trigger('submit')
    await settle()
    expect(api.connectBluesky).toHaveBeenCalledWith('lost.bsky.social', 'new-app-pass', '')
    expect(rowOf(w, 'lost').find('[data-testid="account-health"]').text()).toBe('Connected')
    expect(rowOf(w, 'lost').find('[data-testid="account-reconnect"]').exists()).toBe(false)
  })

  it('opens the Mastodon form prefilled with the instance', async () => {
    state.accounts = [account('off', 'mastodon', { handle: '@fournil', server: 'https://piaille.fr', status: 'disconnected' })]
    const w = await openAccounts()
    await rowOf(w, 'off').find('[data-testid="account-reconnect"]').trigger('click')
    await settle()
    expect((byId(w, 'mastodon-instance').element as HTMLInputElement).value).toBe('piaille.fr')
    expect(document.activeElement).toBe(byId(w, 'mastodon-open').element)
  })
})

describe('disconnecting and removing', () => {
  it('disconnects after a confirmation that the posts are kept', async () => {
    const w = await openAccounts()
    await rowOf(w, 'a-masto').find('[data-testid="account-disconnect"]').trigger('click')
    await settle()
    const modal = byId(w, 'confirm-modal')
    expect(modal.text()).toContain('Disconnect Boulangerie Martin?')
    expect(modal.text()).toContain('system keychain')
    expect(modal.text()).toContain('Its posts are kept')
    expect(modal.text()).toContain('revoke')
    expect(document.activeElement).toBe(byId(w, 'confirm-cancel').element)

    await click(w, 'confirm-cancel')
    expect(api.disconnectAccount).not.toHaveBeenCalled()

    await rowOf(w, 'a-masto').find('[data-testid="account-disconnect"]').trigger('click')
    await settle()
    await click(w, 'confirm-ok')
    expect(api.disconnectAccount).toHaveBeenCalledWith('a-masto')
    const row = rowOf(w, 'a-masto')
    expect(row.find('[data-testid="account-health"]').text()).toBe('Disconnected')
    expect(row.find('[data-testid="account-reconnect"]').exists()).toBe(true)
    expect(row.find('[data-testid="account-disconnect"]').exists()).toBe(false)
    expect(toasts(w).join()).toContain('Its posts are kept')
  })

  it('removes after a destructive confirmation', async () => {
    const w = await openAccounts()
    await rowOf(w, 'a-bsky').find('[data-testid="account-remove"]').trigger('click')
    await settle()
    expect(byId(w, 'confirm-ok').classes()).toContain('danger')
    expect(byId(w, 'confirm-text').text()).toContain('leaves this workspace')
    await click(w, 'confirm-ok')
    expect(api.removeAccount).toHaveBeenCalledWith('a-bsky')
    expect(rowIds(w)).not.toContain('a-bsky')
    expect(toasts(w).join()).toContain('was removed')
  })

  it('removes a demo account, which has no other action', async () => {
    state.accounts = [account('demo', 'bluesky', { status: 'demo' })]
    const w = await openAccounts()
    await rowOf(w, 'demo').find('[data-testid="account-remove"]').trigger('click')
    await settle()
    expect(byId(w, 'confirm-text').text()).toContain('demo account')
    await click(w, 'confirm-ok')
    expect(api.removeAccount).toHaveBeenCalledWith('demo')
    expect(byId(w, 'accounts-empty').exists()).toBe(true)
  })

  it('shows a refused removal in a toast and keeps the row', async () => {
    const w = await openAccounts()
    state.fail.removeAccount = { code: 'connect.keychain', message: 'The keychain is locked.' }
    await rowOf(w, 'a-bsky').find('[data-testid="account-remove"]').trigger('click')
    await settle()
    await click(w, 'confirm-ok')
    expect(toasts(w)).toEqual([expect.stringContaining('The keychain is locked.')])
    expect(rowIds(w)).toContain('a-bsky')
  })
})

describe('native scheduling', () => {
  it('lets a Mastodon instance hold the scheduled posts', async () => {
    const w = await openAccounts()
    const box = rowOf(w, 'a-masto').find('[data-testid="account-native"]')
    expect(rowOf(w, 'a-masto').text()).toContain('Let the instance publish scheduled posts (even when this computer is off)')
    expect((box.element as HTMLInputElement).checked).toBe(false)
    await box.setValue(true)
    await settle()
    expect(api.setNativeScheduling).toHaveBeenCalledWith('a-masto', true)
    expect(state.accounts.find((a) => a.id === 'a-masto')?.nativeScheduling).toBe(true)
    expect((rowOf(w, 'a-masto').find('[data-testid="account-native"]').element as HTMLInputElement).checked).toBe(true)

    await rowOf(w, 'a-masto').find('[data-testid="account-native"]').setValue(false)
    await settle()
    expect(api.setNativeScheduling).toHaveBeenLastCalledWith('a-masto', false)
    expect(rowOf(w, 'a-bsky').find('[data-testid="account-native"]').exists()).toBe(false)
  })

  it('puts the box back when the change is refused', async () => {
    const w = await openAccounts()
    state.fail.setNativeScheduling = { code: 'account.not_found', message: 'This account no longer exists.' }
    const box = rowOf(w, 'a-masto').find('[data-testid="account-native"]')
    await box.setValue(true)
    await settle()
    expect((box.element as HTMLInputElement).checked).toBe(false)
    expect(toasts(w)).toEqual([expect.stringContaining('This account no longer exists.')])
  })
})

describe('in French', () => {
  it('speaks French throughout the forms', async () => {
    const w = await openAccounts('fr')
    await click(w, 'accounts-connect')
    expect(byId(w, 'connect-dialog').text()).toContain('Connecter un compte')
    await click(w, 'connect-bluesky')
    expect(byId(w, 'bluesky-handle').attributes('placeholder')).toBe('nom.bsky.social')
    expect(byId(w, 'bluesky-form').text()).toContain('Mot de passe d’application')
    await click(w, 'connect-back')
    await click(w, 'connect-mastodon')
    expect(byId(w, 'mastodon-open').text()).toBe('Ouvrir la page d’autorisation')
    await byId(w, 'mastodon-instance').setValue('piaille.fr')
    await byId(w, 'mastodon-open').trigger('submit')
    await settle()
    expect(byId(w, 'mastodon-waiting').text()).toContain('Approuvez Ruche dans votre navigateur…')
    expect(byId(w, 'mastodon-paste-link').text()).toBe('Le navigateur ne revient pas\u00a0? Collez plutôt le code')
  })
})
