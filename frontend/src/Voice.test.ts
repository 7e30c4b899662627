import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from './App.vue'
import { makeI18n } from './i18n'
import { composerModule as comp, reset, settingsModule as api, state } from './test/fake-backend'

vi.mock('./api/settings', () => import('./test/fake-backend').then((m) => m.settingsModule))
vi.mock('./api/runtime', () => import('./test/fake-backend').then((m) => m.runtimeModule))
vi.mock('./api/calendar', () => import('./test/fake-backend').then((m) => m.calendarModule))
vi.mock('./api/composer', () => import('./test/fake-backend').then((m) => m.composerModule))
vi.mock('./api/events', () => import('./test/fake-backend').then((m) => m.eventsModule))

let wrapper: VueWrapper | null = null

async function settle() {
  for (let i = 0; i < 10; i++) await flushPromises()
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)

async function start(): Promise<VueWrapper> {
  wrapper = mount(App, { global: { plugins: [createPinia(), makeI18n('en')] }, attachTo: document.body })
  await settle()
  return wrapper
}

async function openSettings(): Promise<VueWrapper> {
  const w = await start()
  await byId(w, 'nav-settings').trigger('click')
  await settle()
  return w
}

beforeEach(() => reset())
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('brand voice', () => {
  it('the settings form shows the saved voice and saves a new one with a toast', async () => {
    state.voice = { forbidden: [{ word: 'client', use: 'ami' }], signature: '— Léa', hashtags: ['#Fournil'], address: 'vous', maxExclamations: 1, noAllCaps: false, minReadingEase: 0 }
    const w = await openSettings()
    expect((byId(w, 'voice-forbidden').element as HTMLTextAreaElement).value).toBe('client → ami')
    expect((byId(w, 'voice-signature').element as HTMLInputElement).value).toBe('— Léa')
    expect((byId(w, 'voice-address').element as HTMLSelectElement).value).toBe('vous')
    await byId(w, 'voice-forbidden').setValue('client → ami\ncheap -> affordable\n\nSOLDES')
    await byId(w, 'voice-hashtags').setValue('#Fournil, #pain')
    await byId(w, 'voice-address').setValue('tu')
    await byId(w, 'voice-max-emoji').setValue('2')
    await byId(w, 'voice-max-exclamations').setValue('')
    await byId(w, 'voice-no-caps').setValue(true)
    await byId(w, 'voice-min-ease').setValue('40')
    await byId(w, 'voice-save').trigger('click')
    await settle()
    expect(api.saveVoice).toHaveBeenCalledWith({
      forbidden: [
        { word: 'client', use: 'ami' },
        { word: 'cheap', use: 'affordable' },
        { word: 'SOLDES', use: '' },
      ],
      signature: '— Léa',
      hashtags: ['#Fournil', '#pain'],
      address: 'tu',
      maxExclamations: null,
      maxEmoji: 2,
      noAllCaps: true,
      minReadingEase: 40,
    })
    expect(state.voice.hashtags).toEqual(['#Fournil', '#pain'])
    expect(byId(w, 'toast').text()).toContain('Brand voice saved.')
  })

  it('refuses a negative limit before saving', async () => {
    const w = await openSettings()
    await byId(w, 'voice-max-emoji').setValue('-1')
    expect(byId(w, 'voice-invalid').exists()).toBe(true)
    expect(byId(w, 'voice-save').attributes('disabled')).toBeDefined()
    await byId(w, 'voice-save').trigger('click')
    await settle()
    expect(api.saveVoice).not.toHaveBeenCalled()
  })

  it('shows the dictionaries’ credits as text in About', async () => {
    const w = await openSettings()
    const pre = byId(w, 'credits')
    expect(pre.element.tagName).toBe('PRE')
    expect(pre.text()).toContain('French dictionary: Dicollecte, MPL 2.0.')
    expect(pre.text()).toContain('<b>not markup</b>')
    expect(pre.find('b').exists()).toBe(false)
  })

  it('the composer lists the voice findings of the edited text with their suggestions', async () => {
    state.voice = { forbidden: [{ word: 'client', use: 'ami' }], signature: '— Léa', hashtags: [], address: '', noAllCaps: false, minReadingEase: 0 }
    const w = await start()
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'P', ctrlKey: true, shiftKey: true, code: 'KeyP', bubbles: true, cancelable: true }))
    await settle()
    expect(w.findAll('[data-testid="voice-finding"]')).toHaveLength(0)
    await byId(w, 'composer-text').setValue('Merci à chaque client du Fournil')
    await sleep(300)
    await settle()
    expect(comp.spelling).toHaveBeenLastCalledWith('Merci à chaque client du Fournil', '')
    const items = w.findAll('[data-testid="voice-finding"]')
    expect(items.map((i) => i.attributes('data-code'))).toEqual(['text.voice.forbidden_word', 'text.voice.signature_missing'])
    expect(items[0].text()).toContain('“client” is on the brand’s list of words to avoid.')
    expect(items[0].find('[data-testid="voice-suggestion"]').text()).toBe('→ ami')
    expect(items[1].text()).toContain('— Léa')
    // Fixed: the list empties at the next check.
    await byId(w, 'composer-text').setValue('Merci à chaque ami du Fournil — Léa')
    await sleep(300)
    await settle()
    expect(w.findAll('[data-testid="voice-finding"]')).toHaveLength(0)
  })
})
