export type ShortcutAction =
  | 'open-settings'
  | 'new-workspace'
  | 'new-post'
  | 'open-calendar'
  | 'open-home'
  | 'quit'
  | 'escape'

// The subset of KeyboardEvent a shortcut depends on.
export interface KeyInput {
  key: string
  code?: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

// matchShortcut maps a key press to an app-wide action. Ctrl (or Cmd on a
// Mac) is the modifier: Ctrl+, opens Settings, Ctrl+Shift+N a new workspace,
// Ctrl+Shift+P a new post, Ctrl+1 the calendar, Ctrl+2 Home, Ctrl+Q quits;
// Escape closes the top modal or form. Letters are matched by key and, for
// non-Latin layouts, by physical code; digits by either (AZERTY types "&"
// for Ctrl+1).
export function matchShortcut(e: KeyInput): ShortcutAction | null {
  const mod = e.ctrlKey || e.metaKey
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key
  const letter = (l: string) => key === l || e.code === 'Key' + l.toUpperCase()
  if (key === 'Escape' && !mod && !e.altKey && !e.shiftKey) return 'escape'
  if (!mod || e.altKey) return null
  if (!e.shiftKey && (key === ',' || e.code === 'Comma')) return 'open-settings'
  if (e.shiftKey && letter('n')) return 'new-workspace'
  if (e.shiftKey && letter('p')) return 'new-post'
  if (!e.shiftKey && (key === '1' || e.code === 'Digit1')) return 'open-calendar'
  if (!e.shiftKey && (key === '2' || e.code === 'Digit2')) return 'open-home'
  if (!e.shiftKey && letter('q')) return 'quit'
  return null
}
