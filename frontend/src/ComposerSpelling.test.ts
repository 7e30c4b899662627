import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from './App.vue'
import { makeI18n } from './i18n'
import { composerModule as api, reset, state } from './test/fake-backend'

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
// waitSpelling lets the debounced spelling check run and answer.
async function waitSpelling() {
  await sleep(300)
  await settle()
}

function press(key: string, mods: Partial<KeyboardEventInit> = {}) {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }))
}

async function newPost(lang: 'en' | 'fr' = 'en'): Promise<VueWrapper> {
  state.info.language = lang
  wrapper = mount(App, { global: { plugins: [createPinia(), makeI18n(lang)] }, attachTo: document.body })
  await settle()
  press('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' })
  await settle()
  return wrapper
}

const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
const text = (w: VueWrapper) => (byId(w, 'composer-text').element as HTMLTextAreaElement).value
const underlined = (w: VueWrapper) => w.findAll('[data-testid="highlight-layer"] .hl-misspelled').map((s) => s.text())

beforeEach(() => reset())
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('composer: spelling', () => {
  it('underlines a misspelled word after an emoji and lists its suggestions', async () => {
    const w = await newPost()
    await byId(w, 'composer-text').setValue('Merci 🥐 pour l’acceuil !')
    expect(api.spelling).not.toHaveBeenCalledWith('Merci 🥐 pour l’acceuil !', '') // debounced
    await waitSpelling()
    expect(api.spelling).toHaveBeenLastCalledWith('Merci 🥐 pour l’acceuil !', '')
    expect(underlined(w)).toEqual(['acceuil'])
    const item = w.find('[data-testid="misspelling"]')
    expect(item.attributes('data-word')).toBe('acceuil')
    expect(item.findAll('[data-testid="spelling-suggestion"]').map((b) => b.text())).toEqual(['accueil', 'accueils'])
  })

  it('applies a suggestion to the right range and checks again', async () => {
    const w = await newPost()
    await byId(w, 'composer-text').setValue('🥐 acceuil et acceuil')
    await waitSpelling()
    expect(underlined(w)).toEqual(['acceuil', 'acceuil'])
    await w.findAll('[data-testid="misspelling"]')[1].find('[data-testid="spelling-suggestion"]').trigger('click')
    await settle()
    expect(text(w)).toBe('🥐 acceuil et accueil')
    // The stale range no longer matches the text: only the first stays underlined.
    expect(underlined(w)).toEqual(['acceuil'])
    await waitSpelling()
    expect(api.spelling).toHaveBeenLastCalledWith('🥐 acceuil et accueil', '')
    expect(w.findAll('[data-testid="misspelling"]')).toHaveLength(1)
  })

  it('adds a word to the dictionary and checks again', async () => {
    const w = await newPost()
    await byId(w, 'composer-text').setValue('Bienvenue au Fournil')
    await waitSpelling()
    expect(underlined(w)).toEqual(['Fournil'])
    expect(w.find('[data-testid="misspelling"]').text()).toContain('Add to dictionary')
    const calls = api.spelling.mock.calls.length
    await w.find('[data-testid="spelling-add"]').trigger('click')
    await settle()
    expect(api.addWord).toHaveBeenCalledWith('Fournil')
    expect(state.words).toEqual(['Fournil'])
    expect(api.spelling.mock.calls.length).toBe(calls + 1)
    expect(underlined(w)).toEqual([])
    expect(w.find('[data-testid="misspelling"]').exists()).toBe(false)
  })

  it('shows the detected language of the master text and of each variant', async () => {
    const w = await newPost('fr')
    expect(byId(w, 'text-language').exists()).toBe(false) // nothing written yet
    await byId(w, 'composer-text').setValue('Merci pour votre accueil')
    await waitSpelling()
    expect(byId(w, 'text-language').attributes('data-lang')).toBe('fr')
    expect(byId(w, 'text-language').text()).toBe('Langue\u00a0: Français')
    await w.find('[data-testid="composer-account"][data-account-id="a-bsky"]').setValue(true)
    await settle()
    await w.find('[data-testid="variant-tab"][data-account-id="a-bsky"]').trigger('click')
    await settle()
    await byId(w, 'variant-text').setValue('Thank you, we are open today')
    await waitSpelling()
    expect(api.spelling).toHaveBeenLastCalledWith('Thank you, we are open today', 'a-bsky')
    expect(byId(w, 'text-language').attributes('data-lang')).toBe('en')
    expect(byId(w, 'text-language').text()).toBe('Langue\u00a0: Anglais')
    expect(w.find('[data-testid="variant-tab"][data-account-id="a-bsky"] [data-testid="tab-language"]').text()).toBe('EN')
  })

  it('says when the dictionaries are still loading, then underlines', async () => {
    state.spellingReady = false
    const w = await newPost()
    await byId(w, 'composer-text').setValue('Un acceuil')
    await waitSpelling()
    expect(byId(w, 'spelling-loading').exists()).toBe(true)
    expect(underlined(w)).toEqual([])
    state.spellingReady = true
    await sleep(1000)
    await settle()
    expect(byId(w, 'spelling-loading').exists()).toBe(false)
    expect(underlined(w)).toEqual(['acceuil'])
  })
})

describe('hashtags that did well', () => {
  it('are offered, those the text speaks of first, and a click adds one', async () => {
    state.pastTags = ['bread', 'bakery']
    const w = await newPost()
    await w.find('[data-testid="composer-account"][data-account-id="a-masto"]').setValue(true)
    await byId(w, 'composer-text').setValue('Our country bread')
    await waitSpelling()
    const chips = w.findAll('[data-testid="suggested-tag"]')
    expect(chips.map((c) => c.text())).toEqual(['#bread', '#bakery'])
    await chips[0].trigger('click')
    await waitSpelling()
    expect(text(w)).toBe('Our country bread #bread')
    expect(w.findAll('[data-testid="suggested-tag"]').map((c) => c.text())).toEqual(['#bakery'])
  })
})
