import { isAppURL, linkKind } from './lib/links'

// The window never navigates away from the app. Wails v2.11 has no option
// for it and handles no navigation request itself (no WebKitGTK
// decide-policy, no WebView2 NavigationStarting or NewWindowRequested, no
// WKWebView decidePolicyForNavigationAction), so the page guards itself,
// from the start (main.ts), with listeners on the window that run before any
// other (capture phase):
//   - a click (also with Ctrl/Shift/Meta, or Enter) or a middle click on a
//     link: an http(s) link opens in the system browser through openLink,
//     any other is refused; only links to the page's own #fragment behave as
//     usual
//   - window.open goes the same way
//   - a form submit never loads a page (the CSP also says form-action 'none')
//   - dragging anything over the window is refused and a drop never does the
//     webview's default (open the dropped file or link), except text dropped
//     into a text field. Drop zones opt in as in HTML5, by handling dragover
//     themselves: the composer's media zone through the Wails runtime, whose
//     own window listeners then accept dropped files (Windows reads their
//     paths from the drop event; Linux and macOS from the native drop).
//     FullCalendar's drags are mouse events, which the guard leaves alone.
//   - where the Navigation API exists (Chromium: WebView2), any other
//     navigation to another origin (location.href = ...) is cancelled.
// Nothing here stops an event from reaching the app's own handlers.

// The Navigation API's navigate event, which TypeScript's DOM types lack.
interface NavigateEvent extends Event {
  readonly destination: { readonly url: string }
}

const TEXT_INPUTS = new Set(['text', 'search', 'url', 'email', 'tel', 'password', 'number'])

// textField says whether el takes dropped text itself.
function textField(el: EventTarget | null): boolean {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type) && !el.readOnly && !el.disabled
  return el instanceof HTMLElement && el.isContentEditable
}

function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files')
}

function linkOf(e: Event): Element | null {
  const el = e.composedPath()[0] ?? e.target
  return el instanceof Element ? el.closest('a[href], area[href]') : null
}

// installNavigationGuard guards win; openLink receives the http(s) links
// the user opens (api/runtime's openExternal). It returns the function that
// removes the guard.
export function installNavigationGuard(win: Window, openLink: (url: string) => void): () => void {
  const page = () => win.location.href

  function onClick(e: MouseEvent) {
    const a = linkOf(e)
    if (!a) return
    const link = linkKind(a.getAttribute('href') ?? '', page())
    const plain = e.type === 'click' && !e.ctrlKey && !e.shiftKey && !e.metaKey && !e.altKey
    if (link.kind === 'fragment' && plain) return
    e.preventDefault()
    // auxclick: the middle button opens; the right one only loses its default.
    if (link.kind === 'external' && (e.type === 'click' || e.button === 1)) openLink(link.url)
  }

  function onSubmit(e: Event) {
    e.preventDefault()
  }

  function onDragOver(e: DragEvent) {
    if (textField(e.target) && !carriesFiles(e)) return
    e.preventDefault()
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'none'
  }

  function onDrop(e: DragEvent) {
    if (textField(e.target) && !carriesFiles(e)) return
    e.preventDefault()
  }

  function onNavigate(e: Event) {
    const url = (e as NavigateEvent).destination?.url
    if (e.cancelable && !(url && isAppURL(url, page()))) e.preventDefault()
  }

  const windowOpen = win.open
  win.open = function (url?: string | URL): null {
    const link = linkKind(String(url ?? ''), page())
    if (link.kind === 'external') openLink(link.url)
    return null
  }

  const listeners: Array<[string, (e: never) => void]> = [
    ['click', onClick],
    ['auxclick', onClick],
    ['submit', onSubmit],
    ['dragenter', onDragOver],
    ['dragover', onDragOver],
    ['drop', onDrop],
  ]
  for (const [type, fn] of listeners) win.addEventListener(type, fn as EventListener, true)
  const navigation = (win as Window & { navigation?: EventTarget }).navigation
  navigation?.addEventListener('navigate', onNavigate)

  return () => {
    for (const [type, fn] of listeners) win.removeEventListener(type, fn as EventListener, true)
    navigation?.removeEventListener('navigate', onNavigate)
    win.open = windowOpen
  }
}
