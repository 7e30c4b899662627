import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import MediaList from './components/composer/MediaList.vue'
import { makeI18n } from './i18n'
import { installNavigationGuard } from './navigation'

let openLink: ReturnType<typeof vi.fn<(url: string) => void>>
let uninstall: () => void
let wrapper: VueWrapper | null = null
const start = location.href

beforeEach(() => {
  openLink = vi.fn<(url: string) => void>()
  uninstall = installNavigationGuard(window, openLink)
})
afterEach(() => {
  uninstall()
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

function add<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, parent: HTMLElement = document.body) {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v)
  el.textContent = 'x'
  parent.appendChild(el)
  return el
}

function click(el: Element, init: MouseEventInit = {}, type = 'click'): MouseEvent {
  const e = new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, ...init })
  el.dispatchEvent(e)
  return e
}

// drag dispatches a drag event carrying types (as the webview fills
// dataTransfer for a drag from outside) at el.
function drag(type: string, el: EventTarget, types: string[]): DragEvent {
  const e = new Event(type, { bubbles: true, cancelable: true, composed: true }) as DragEvent
  const dataTransfer = { types, dropEffect: 'copy', effectAllowed: 'all', getData: () => '' }
  Object.defineProperty(e, 'dataTransfer', { value: dataTransfer })
  el.dispatchEvent(e)
  return e
}

describe('links', () => {
  it('opens an external link in the browser, not in the window', () => {
    const a = add('a', { href: 'https://example.com/post?id=1' })
    const e = click(a)
    expect(e.defaultPrevented).toBe(true)
    expect(openLink).toHaveBeenCalledExactlyOnceWith('https://example.com/post?id=1')
    expect(location.href).toBe(start)
  })

  it('catches a click on what is inside a link, with target=_blank or a modifier', () => {
    const a = add('a', { href: 'http://example.com/', target: '_blank' })
    const inner = add('span', {}, a)
    expect(click(inner).defaultPrevented).toBe(true)
    expect(click(a, { ctrlKey: true }).defaultPrevented).toBe(true)
    expect(click(a, { shiftKey: true }).defaultPrevented).toBe(true)
    expect(openLink.mock.calls).toEqual([['http://example.com/'], ['http://example.com/'], ['http://example.com/']])
  })

  it('opens a middle-clicked link in the browser and gives a right click no default', () => {
    const a = add('a', { href: 'https://example.com/m' })
    expect(click(a, { button: 1 }, 'auxclick').defaultPrevented).toBe(true)
    expect(openLink).toHaveBeenCalledExactlyOnceWith('https://example.com/m')
    expect(click(a, { button: 2 }, 'auxclick').defaultPrevented).toBe(true)
    expect(openLink).toHaveBeenCalledOnce()
  })

  const refused = [
    'javascript:alert(document.domain)',
    ' JavaScript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<h1>hi</h1>',
    'smb://evil.example/share',
    '/another-page',
    'https://user@example.com/',
  ]
  for (const href of refused) {
    it(`refuses ${href.trim()}`, () => {
      const e = click(add('a', { href }))
      expect(e.defaultPrevented).toBe(true)
      expect(openLink).not.toHaveBeenCalled()
      expect(location.href).toBe(start)
    })
  }

  it('lets a link to a fragment of the page be', () => {
    const e = click(add('a', { href: '#section' }))
    expect(e.defaultPrevented).toBe(false)
    expect(openLink).not.toHaveBeenCalled()
  })

  it('leaves other clicks alone, and the app still sees the link clicks', () => {
    const button = add('button')
    const onButton = vi.fn()
    button.addEventListener('click', onButton)
    expect(click(button).defaultPrevented).toBe(false)
    expect(onButton).toHaveBeenCalledOnce()
    const a = add('a', { href: 'https://example.com/' })
    const onLink = vi.fn()
    a.addEventListener('click', onLink)
    click(a)
    expect(onLink).toHaveBeenCalledOnce()
  })

  it('routes window.open through the same check', () => {
    expect(window.open('https://example.com/w', '_blank')).toBeNull()
    expect(window.open('javascript:alert(1)')).toBeNull()
    expect(window.open('file:///etc/passwd')).toBeNull()
    expect(openLink.mock.calls).toEqual([['https://example.com/w']])
  })

  it('stops guarding once removed', () => {
    uninstall()
    const a = add('a', { href: 'https://example.com/' })
    a.addEventListener('click', (e) => e.preventDefault()) // keep happy-dom from navigating
    click(a)
    expect(openLink).not.toHaveBeenCalled()
    uninstall = () => {}
  })
})

describe('forms', () => {
  it('never lets a form submit load a page, and the app still gets the submit', () => {
    const form = add('form', { action: 'https://evil.example/steal', method: 'post' })
    const onSubmit = vi.fn()
    form.addEventListener('submit', onSubmit)
    const e = new Event('submit', { bubbles: true, cancelable: true })
    form.dispatchEvent(e)
    expect(e.defaultPrevented).toBe(true)
    expect(onSubmit).toHaveBeenCalledOnce()
  })
})

describe('drops', () => {
  const outside = [
    { name: 'a file', types: ['Files'] },
    { name: 'a link (text/uri-list)', types: ['text/uri-list', 'text/plain'] },
    { name: 'some HTML', types: ['text/html'] },
  ]
  for (const c of outside) {
    it(`refuses ${c.name} dragged over the page and drops it nowhere`, () => {
      const div = add('div')
      for (const type of ['dragenter', 'dragover']) {
        const e = drag(type, div, c.types)
        expect(e.defaultPrevented, type).toBe(true)
        expect(e.dataTransfer!.dropEffect, type).toBe('none')
      }
      expect(drag('drop', div, c.types).defaultPrevented).toBe(true)
      expect(drag('drop', document.body, c.types).defaultPrevented).toBe(true)
    })
  }

  it('refuses a file dropped on a text field', () => {
    const area = add('textarea')
    expect(drag('dragover', area, ['Files']).defaultPrevented).toBe(true)
    expect(drag('drop', area, ['Files']).defaultPrevented).toBe(true)
  })

  it('lets text be dropped into a text field, not into a read-only one', () => {
    const area = add('textarea')
    expect(drag('dragover', area, ['text/plain']).defaultPrevented).toBe(false)
    expect(drag('drop', area, ['text/plain', 'text/uri-list']).defaultPrevented).toBe(false)
    const input = add('input', { type: 'text', readonly: '' })
    expect(drag('drop', input, ['text/plain']).defaultPrevented).toBe(true)
  })

  // The Wails runtime's own listeners (draganddrop.js in wails v2.11.0),
  // registered while the composer is open (OnFileDrop): they accept dropped
  // files and, on Windows, read their paths from the drop event.
  function wailsRuntime() {
    const drops: DragEvent[] = []
    const over = (e: DragEvent) => {
      if (!e.dataTransfer!.types.includes('Files')) return
      e.preventDefault()
      e.dataTransfer!.dropEffect = 'copy'
    }
    const drop = (e: DragEvent) => {
      if (!e.dataTransfer!.types.includes('Files')) return
      e.preventDefault()
      drops.push(e)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('drop', drop)
    return { drops, off: () => (window.removeEventListener('dragover', over), window.removeEventListener('drop', drop)) }
  }

  it("keeps the composer's media zone taking dropped files", () => {
    wrapper = mount(MediaList, {
      props: { media: [], lang: 'en', canAdd: true, busy: false },
      global: { plugins: [makeI18n('en')] },
      attachTo: document.body,
    })
    const zone = wrapper.find('[data-testid="media-drop"]').element
    const wails = wailsRuntime()
    try {
      const over = drag('dragover', zone, ['Files'])
      expect(over.defaultPrevented).toBe(true)
      expect(over.dataTransfer!.dropEffect).toBe('copy')
      const drop = drag('drop', zone, ['Files'])
      expect(wails.drops).toEqual([drop])
      expect(drop.defaultPrevented).toBe(true)
      // A link dropped there is not a file: the zone ignores it, the window too.
      expect(drag('dragover', zone, ['text/uri-list']).dataTransfer!.dropEffect).toBe('none')
      expect(drag('drop', zone, ['text/uri-list']).defaultPrevented).toBe(true)
      expect(wails.drops).toHaveLength(1)
    } finally {
      wails.off()
    }
  })

  it('keeps an HTML5 drop zone working: its own dragover accepts, its drop handler runs', () => {
    const zone = add('div')
    const onDrop = vi.fn()
    zone.addEventListener('dragover', (e) => {
      e.preventDefault()
      e.dataTransfer!.dropEffect = 'move'
    })
    zone.addEventListener('drop', onDrop)
    expect(drag('dragover', zone, ['text/plain']).dataTransfer!.dropEffect).toBe('move')
    const drop = drag('drop', zone, ['text/plain'])
    expect(onDrop).toHaveBeenCalledExactlyOnceWith(drop)
    expect(drop.defaultPrevented).toBe(true)
  })

  it("leaves the mouse events FullCalendar's drags are made of alone", () => {
    const cell = add('td')
    for (const type of ['pointerdown', 'mousedown', 'pointermove', 'mousemove', 'pointerup', 'mouseup']) {
      const e = new MouseEvent(type, { bubbles: true, cancelable: true })
      cell.dispatchEvent(e)
      expect(e.defaultPrevented, type).toBe(false)
    }
  })
})

describe('other navigations (Navigation API)', () => {
  // happy-dom has no window.navigation: a stand-in with its navigate event.
  function withNavigation(run: (navigate: (url: string, cancelable?: boolean) => Event) => void) {
    uninstall()
    const navigation = new EventTarget()
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true })
    uninstall = installNavigationGuard(window, openLink)
    try {
      run((url, cancelable = true) => {
        const e = Object.assign(new Event('navigate', { cancelable }), { destination: { url } })
        navigation.dispatchEvent(e)
        return e
      })
    } finally {
      uninstall()
      uninstall = () => {}
      delete (window as { navigation?: unknown }).navigation
    }
  }

  it('cancels a navigation to another origin (location.href = ...)', () =>
    withNavigation((navigate) => {
      expect(navigate('https://evil.example/').defaultPrevented).toBe(true)
      expect(navigate('file:///etc/passwd').defaultPrevented).toBe(true)
      expect(navigate('data:text/html,x').defaultPrevented).toBe(true)
      expect(openLink).not.toHaveBeenCalled()
    }))

  it("lets the app's own page load (a reload, wails dev)", () =>
    withNavigation((navigate) => {
      expect(navigate(new URL('/', location.href).href).defaultPrevented).toBe(false)
      expect(navigate(new URL('#x', location.href).href).defaultPrevented).toBe(false)
    }))
})
