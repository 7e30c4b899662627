import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import App from './App.vue'
import { makeI18n } from './i18n'
import {
  account,
  calendarModule as cal,
  composerModule as api,
  day,
  drops,
  post,
  reset,
  runtimeModule as rt,
  state,
} from './test/fake-backend'

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
// waitCheck lets the debounced Check run and answer.
async function waitCheck() {
  await sleep(200)
  await settle()
}

function press(key: string, mods: Partial<KeyboardEventInit> = {}) {
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...mods }))
}

// newPost opens the composer on a new post (Ctrl+Shift+P from Home).
async function newPost(lang: 'en' | 'fr' = 'en'): Promise<VueWrapper> {
  state.info.language = lang
  wrapper = mount(App, { global: { plugins: [createPinia(), makeI18n(lang)] }, attachTo: document.body })
  await settle()
  press('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' })
  await settle()
  return wrapper
}

async function editPost(id: string): Promise<VueWrapper> {
  wrapper = mount(App, { global: { plugins: [createPinia(), makeI18n('en')] }, attachTo: document.body })
  await settle()
  await wrapper.find('[data-testid="nav-calendar"]').trigger('click')
  await settle()
  const store = (await import('./stores/ui')).useUiStore()
  store.openPost(id)
  await settle()
  return wrapper
}

const byId = (w: VueWrapper, id: string) => w.find(`[data-testid="${id}"]`)
const account$ = (w: VueWrapper, id: string) => w.find(`[data-testid="composer-account"][data-account-id="${id}"]`)
const counter = (w: VueWrapper, id: string) => w.find(`[data-testid="counter"][data-account-id="${id}"]`)
const tab = (w: VueWrapper, id: string) => w.find(`[data-testid="variant-tab"][data-account-id="${id}"]`)
const value = (w: VueWrapper, id: string) => (byId(w, id).element as HTMLInputElement).value

beforeEach(() => reset())
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('composer: writing', () => {
  it('counts per network at once and turns red over the limit', async () => {
    const w = await newPost()
    await account$(w, 'a-bsky').setValue(true)
    await account$(w, 'a-masto').setValue(true)
    await byId(w, 'composer-text').setValue('a'.repeat(301))
    await settle()
    // local count first, before the backend answers
    expect(counter(w, 'a-bsky').text()).toBe('301/300')
    expect(counter(w, 'a-bsky').attributes('data-over')).toBe('true')
    expect(counter(w, 'a-masto').attributes('data-over')).toBe('false')
    await waitCheck()
    expect(api.check).toHaveBeenCalled()
    const f = w.findAll('[data-testid="finding"]')
    expect(f.map((x) => [x.attributes('data-account-id'), x.attributes('data-severity')])).toEqual([['a-bsky', 'error']])
    expect(byId(w, 'composer-schedule').attributes('disabled')).toBeDefined()
    expect(byId(w, 'composer-blocked').exists()).toBe(true)
  })

  it('counts Bluesky bytes too and Mastodon links as 23', async () => {
    const w = await newPost()
    await account$(w, 'a-bsky').setValue(true)
    await account$(w, 'a-masto').setValue(true)
    await byId(w, 'composer-text').setValue('Voir https://example.com/' + 'x'.repeat(100))
    await settle()
    expect(counter(w, 'a-masto').text()).toBe('28/500')
    expect(counter(w, 'a-bsky').text()).toBe('125/300')
    expect(w.text()).toContain('125 / 3000 bytes')
  })

  it('calls Check once after a burst of typing', async () => {
    const w = await newPost()
    await account$(w, 'a-bsky').setValue(true)
    await waitCheck()
    api.check.mockClear()
    for (const s of ['B', 'Bo', 'Bon', 'Bonj', 'Bonjour']) await byId(w, 'composer-text').setValue(s)
    await waitCheck()
    expect(api.check).toHaveBeenCalledTimes(1)
    expect(api.check.mock.calls[0][0].variants[0].text).toBe('Bonjour')
  })

  it('prefers the backend count when it answers', async () => {
    api.check.mockImplementationOnce(() =>
      Promise.resolve({ counts: { 'a-bsky': { used: 42, limit: 300, bytes: 42, byteLimit: 3000, over: false } }, findings: [], canSave: true }),
    )
    const w = await newPost()
    await account$(w, 'a-bsky').setValue(true)
    await byId(w, 'composer-text').setValue('Bonjour')
    await waitCheck()
    expect(counter(w, 'a-bsky').text()).toBe('42/300')
    expect(byId(w, 'composer-no-findings').exists()).toBe(true)
  })

  it('highlights hashtags, mentions and links with spans of text', async () => {
    const w = await newPost()
    await byId(w, 'composer-text').setValue('#pain @anne https://a.fr <b>x</b>')
    await settle()
    const layer = byId(w, 'highlight-layer')
    expect(layer.find('.hl-hashtag').text()).toBe('#pain')
    expect(layer.find('.hl-mention').text()).toBe('@anne')
    expect(layer.find('.hl-link').text()).toBe('https://a.fr')
    expect(layer.find('b').exists()).toBe(false)
    expect(layer.text()).toContain('<b>x</b>')
  })

  it('gives each account a variant that starts as a copy and can be adapted', async () => {
    const w = await newPost()
    await account$(w, 'a-bsky').setValue(true)
    await account$(w, 'a-li').setValue(true)
    await byId(w, 'composer-text').setValue('Texte commun')
    await tab(w, 'a-bsky').trigger('click')
    expect(value(w, 'variant-text')).toBe('Texte commun')
    await byId(w, 'variant-text').setValue('Version courte')
    await byId(w, 'variant-tab-master').trigger('click')
    expect(value(w, 'composer-text')).toBe('Texte commun')
    await tab(w, 'a-li').trigger('click')
    expect(value(w, 'variant-text')).toBe('Texte commun')
    expect(byId(w, 'variant-first-comment').exists()).toBe(true)
    await tab(w, 'a-bsky').trigger('click')
    expect(byId(w, 'variant-first-comment').exists()).toBe(false)
    await byId(w, 'variant-reset').trigger('click')
    expect(value(w, 'variant-text')).toBe('Texte commun')
  })

  it('offers to split a text that is too long into a thread', async () => {
    const w = await newPost()
    await account$(w, 'a-bsky').setValue(true)
    await byId(w, 'composer-text').setValue('b'.repeat(500))
    await settle()
    await byId(w, 'split-thread').trigger('click')
    await settle()
    expect(api.splitThread).toHaveBeenCalledWith('a-bsky', 'b'.repeat(500))
    expect(w.findAll('[data-testid="split-part"]')).toHaveLength(2)
    await byId(w, 'split-apply').trigger('click')
    await settle()
    expect(byId(w, 'variant-thread').exists()).toBe(true)
    expect(counter(w, 'a-bsky').attributes('data-over')).toBe('false')
    expect(byId(w, 'split-thread').exists()).toBe(false)
    await waitCheck()
    const last = api.check.mock.calls[api.check.mock.calls.length - 1][0]
    expect(last.variants[0].thread).toHaveLength(1)
  })

  it('shows a preview in the network style', async () => {
    const w = await newPost()
    await account$(w, 'a-masto').setValue(true)
    await byId(w, 'composer-text').setValue('Bonjour #pain')
    await byId(w, 'composer-link').setValue('https://boulangerie.fr/menu')
    await settle()
    const p = byId(w, 'preview')
    expect(p.classes()).toContain('net-mastodon')
    expect(p.text()).toContain('Boulangerie Martin')
    expect(p.text()).toContain('@martin.mastodon')
    expect(p.text()).toContain('boulangerie.fr')
    expect(p.find('.pv-hashtag').text()).toBe('#pain')
  })
})

describe('composer: media', () => {
  it('adds images by dialog and by file drop, and warns about missing alt text', async () => {
    const w = await newPost()
    expect(rt.onFileDrop).toHaveBeenCalled()
    await account$(w, 'a-bsky').setValue(true)
    await byId(w, 'composer-add-media').trigger('click')
    await settle()
    expect(api.chooseMedia).toHaveBeenCalledWith('a-bsky')
    expect(w.findAll('[data-testid="media-item"]')).toHaveLength(1)
    expect(byId(w, 'media-alt-missing').exists()).toBe(true)
    await byId(w, 'media-alt').setValue('Une baguette dorée')
    expect(byId(w, 'media-alt-missing').exists()).toBe(false)
    drops.handler?.(['/tmp/croissant.jpg'])
    await settle()
    expect(api.addMedia).toHaveBeenCalledWith('a-bsky', ['/tmp/croissant.jpg'])
    expect(w.findAll('[data-testid="media-item"]').map((m) => m.attributes('data-path'))).toEqual([
      '/home/camille/photo.png',
      '/tmp/croissant.jpg',
    ])
    await waitCheck()
    expect(w.findAll('[data-testid="finding"]').map((f) => f.attributes('data-severity'))).toEqual(['warning'])
    expect(byId(w, 'composer-schedule').attributes('disabled')).toBeUndefined()
  })

  it('stops listening to drops when closed', async () => {
    const w = await newPost()
    expect(drops.handler).not.toBeNull()
    await byId(w, 'composer-close').trigger('click')
    await settle()
    expect(drops.handler).toBeNull()
  })
})

describe('composer: saving', () => {
  it('schedules a new post at the chosen local date and time', async () => {
    const w = await newPost()
    expect(byId(w, 'composer-zone').text()).toContain('Europe / Paris')
    await account$(w, 'a-bsky').setValue(true)
    await byId(w, 'composer-text').setValue('Galette des rois #epiphanie')
    await byId(w, 'composer-pillar').setValue('Produits')
    await byId(w, 'composer-campaigns').setValue('Épiphanie, Hiver')
    await byId(w, 'composer-note').setValue('Photo à refaire')
    await byId(w, 'composer-date').setValue(day(6))
    await byId(w, 'composer-time').setValue('07:45')
    await waitCheck()
    await byId(w, 'composer-schedule').trigger('click')
    await settle()
    expect(api.createPost).toHaveBeenCalledWith(
      {
        authorNote: 'Photo à refaire',
        pillar: 'Produits',
        campaigns: ['Épiphanie', 'Hiver'],
        variants: [
          { accountId: 'a-bsky', network: 'bluesky', text: 'Galette des rois #epiphanie', link: '', firstComment: '', thread: [], media: [] },
        ],
      },
      day(6),
      '07:45',
    )
    expect(byId(w, 'composer').exists()).toBe(false)
    expect(byId(w, 'toast').text()).toContain('Scheduled for')
    expect(byId(w, 'toast').text()).toContain('Europe / Paris')
  })

  it('previews a recurrence and schedules the whole series', async () => {
    const w = await newPost()
    await account$(w, 'a-bsky').setValue(true)
    await byId(w, 'composer-text').setValue('Le pain du dimanche')
    await byId(w, 'composer-date').setValue(day(6))
    await byId(w, 'composer-time').setValue('09:00')
    await waitCheck()
    await byId(w, 'repeat-on').setValue(true)
    await byId(w, 'repeat-count').setValue(3)
    await sleep(250)
    await settle()
    expect(byId(w, 'repeat-dates').findAll('li')).toHaveLength(3)
    await byId(w, 'repeat-schedule').trigger('click')
    await settle()
    expect(api.createRecurring).toHaveBeenCalledWith(expect.objectContaining({ variants: [expect.objectContaining({ text: 'Le pain du dimanche' })] }), {
      start: day(6),
      time: '09:00',
      every: 1,
      unit: 'week',
      until: '',
      count: 3,
    })
    expect(state.posts.filter((p) => p.variants[0]?.text === 'Le pain du dimanche')).toHaveLength(3)
    expect(byId(w, 'composer').exists()).toBe(false)
    expect(byId(w, 'toast').text()).toContain('3 posts scheduled')
  })

  it('sends a Mastodon variant its content warning, visibility and language', async () => {
    const w = await newPost()
    await account$(w, 'a-masto').setValue(true)
    await account$(w, 'a-bsky').setValue(true)
    await byId(w, 'composer-text').setValue('Fournée du jour')
    await tab(w, 'a-bsky').trigger('click')
    expect(byId(w, 'mastodon-options').exists()).toBe(false)
    await tab(w, 'a-masto').trigger('click')
    await byId(w, 'variant-cw').setValue('Gluten')
    await byId(w, 'variant-visibility').setValue('unlisted')
    await byId(w, 'variant-language').setValue('fr')
    await byId(w, 'composer-save').trigger('click')
    await settle()
    const input = api.createPost.mock.calls[api.createPost.mock.calls.length - 1][0]
    const masto = input.variants.find((v: { network: string }) => v.network === 'mastodon')
    const bsky = input.variants.find((v: { network: string }) => v.network === 'bluesky')
    expect(masto).toEqual(expect.objectContaining({ contentWarning: 'Gluten', visibility: 'unlisted', language: 'fr' }))
    expect(bsky?.contentWarning).toBeUndefined()
  })

  it('saves a draft, then updates it with its revision', async () => {
    const w = await newPost()
    await account$(w, 'a-bsky').setValue(true)
    await byId(w, 'composer-text').setValue('Premier jet')
    await byId(w, 'composer-save').trigger('click')
    await settle()
    expect(api.createPost).toHaveBeenCalledWith(expect.objectContaining({ variants: expect.any(Array) }), '', '')
    const created = state.posts[state.posts.length - 1]
    expect(created.status).toBe('draft')
    await byId(w, 'composer-text').setValue('Deuxième jet')
    await byId(w, 'composer-save').trigger('click')
    await settle()
    expect(api.updatePost).toHaveBeenCalledWith(created.id, 1, expect.objectContaining({ variants: [expect.objectContaining({ text: 'Deuxième jet' })] }))
  })

  it('tells about a conflict and reloads the post', async () => {
    const w = await editPost('p1')
    state.posts[0].revision = 7
    state.posts[0].variants[0].text = 'Changé par le planificateur'
    await byId(w, 'composer-text').setValue('Ma version')
    await byId(w, 'composer-save').trigger('click')
    await settle()
    expect(byId(w, 'toast').attributes('data-code')).toBe('post.conflict')
    expect(api.getPost).toHaveBeenCalledTimes(2)
    expect(value(w, 'composer-text')).toBe('Changé par le planificateur')
  })

  it('reschedules a saved post through MovePost', async () => {
    const w = await editPost('p1')
    await byId(w, 'composer-time').setValue('18:00')
    await waitCheck()
    await byId(w, 'composer-schedule').trigger('click')
    await settle()
    expect(api.updatePost).toHaveBeenCalledWith('p1', 1, expect.anything())
    expect(cal.movePost).toHaveBeenCalledWith('p1', day(2), '18:00')
  })

  it('keeps a new time when a scheduled post is saved', async () => {
    const w = await editPost('p1')
    await byId(w, 'composer-time').setValue('19:30')
    await byId(w, 'composer-save').trigger('click')
    await settle()
    expect(cal.movePost).toHaveBeenCalledWith('p1', day(2), '19:30')
    expect(value(w, 'composer-time')).toBe('19:30')
    expect(w.text()).not.toContain('Unsaved changes')
  })

  it('submits for review and approves', async () => {
    const w = await editPost('d1')
    await byId(w, 'composer-review').trigger('click')
    await settle()
    expect(api.setStatus).toHaveBeenCalledWith('d1', 'in_review')
    expect(byId(w, 'composer-status').text()).toContain('In review')
    await byId(w, 'composer-approve').trigger('click')
    await settle()
    expect(api.setStatus).toHaveBeenLastCalledWith('d1', 'approved')
  })

  it('adds a draft to the queue', async () => {
    const w = await editPost('d1')
    await waitCheck()
    await byId(w, 'composer-queue').trigger('click')
    await settle()
    expect(cal.addToQueue).toHaveBeenCalledWith('d1')
    expect(byId(w, 'composer').exists()).toBe(false)
  })

  it('does not schedule while an error remains', async () => {
    const w = await editPost('p1')
    await byId(w, 'composer-text').setValue('')
    await waitCheck()
    expect(byId(w, 'composer-schedule').attributes('disabled')).toBeDefined()
    expect(w.find('[data-testid="finding"][data-code="network.text_empty"]').exists()).toBe(true)
  })

  it('deletes after confirmation', async () => {
    const w = await editPost('p1')
    await byId(w, 'composer-delete').trigger('click')
    expect(api.deletePost).not.toHaveBeenCalled()
    await byId(w, 'confirm-ok').trigger('click')
    await settle()
    expect(api.deletePost).toHaveBeenCalledWith('p1')
    expect(byId(w, 'composer').exists()).toBe(false)
    expect(byId(w, 'calendar').exists()).toBe(true)
  })

  it('asks before dropping unsaved changes', async () => {
    const w = await editPost('p1')
    await byId(w, 'composer-text').setValue('Modifié')
    await byId(w, 'nav-home').trigger('click')
    await settle()
    expect(byId(w, 'composer').exists()).toBe(true)
    expect(byId(w, 'confirm-modal').exists()).toBe(true)
    await byId(w, 'confirm-cancel').trigger('click')
    await settle()
    expect(byId(w, 'composer').exists()).toBe(true)
    await byId(w, 'nav-home').trigger('click')
    await byId(w, 'confirm-ok').trigger('click')
    await settle()
    expect(byId(w, 'home-title').exists()).toBe(true)
  })

  it('shows a published post read-only', async () => {
    const w = await editPost('p3')
    expect(byId(w, 'composer-locked').exists()).toBe(true)
    expect(byId(w, 'composer-text').attributes('disabled')).toBeDefined()
    expect(byId(w, 'composer-schedule').attributes('disabled')).toBeDefined()
  })

  it('shows hostile text as text in the preview', async () => {
    state.posts = [post({ variants: [{ accountId: 'a-bsky', network: 'bluesky', text: '<img src=x onerror=alert(1)>', link: '', firstComment: '', thread: [], media: [] }] })]
    state.accounts = [account('a-bsky', 'bluesky', { displayName: '<script>x</script>' })]
    const w = await editPost('p1')
    expect(byId(w, 'preview').text()).toContain('<img src=x onerror=alert(1)>')
    expect(byId(w, 'preview').text()).toContain('<script>x</script>')
    expect(document.querySelectorAll('[data-testid="composer"] img, [data-testid="composer"] script')).toHaveLength(0)
  })

  it('speaks French', async () => {
    const w = await newPost('fr')
    expect(w.find('h1').text()).toBe('Nouvelle publication')
    expect(byId(w, 'composer-save').text()).toBe('Enregistrer le brouillon')
  })
})
