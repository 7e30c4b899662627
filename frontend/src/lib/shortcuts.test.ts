import { describe, expect, it } from 'vitest'
import { matchShortcut, type KeyInput, type ShortcutAction } from './shortcuts'

function key(k: string, mods: Partial<KeyInput> = {}): KeyInput {
  return { key: k, code: '', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods }
}

describe('matchShortcut', () => {
  const cases: Array<{ name: string; in: KeyInput; want: ShortcutAction | null }> = [
    { name: 'Ctrl+,', in: key(',', { ctrlKey: true, code: 'Comma' }), want: 'open-settings' },
    { name: 'Cmd+,', in: key(',', { metaKey: true }), want: 'open-settings' },
    { name: 'Ctrl+, on AZERTY (code differs)', in: key(',', { ctrlKey: true, code: 'KeyM' }), want: 'open-settings' },
    { name: 'Ctrl+Shift+N (upper-case key)', in: key('N', { ctrlKey: true, shiftKey: true, code: 'KeyN' }), want: 'new-workspace' },
    { name: 'Ctrl+Shift+N (lower-case key)', in: key('n', { ctrlKey: true, shiftKey: true }), want: 'new-workspace' },
    { name: 'Ctrl+Shift+N on a Cyrillic layout', in: key('Т', { ctrlKey: true, shiftKey: true, code: 'KeyN' }), want: 'new-workspace' },
    { name: 'Ctrl+N is not a shortcut', in: key('n', { ctrlKey: true }), want: null },
    { name: 'Ctrl+Q', in: key('q', { ctrlKey: true, code: 'KeyQ' }), want: 'quit' },
    { name: 'Ctrl+Q on AZERTY (key q, code KeyA)', in: key('q', { ctrlKey: true, code: 'KeyA' }), want: 'quit' },
    { name: 'Cmd+Q', in: key('q', { metaKey: true }), want: 'quit' },
    { name: 'Ctrl+Shift+Q is not quit', in: key('Q', { ctrlKey: true, shiftKey: true }), want: null },
    { name: 'Ctrl+Alt+Q is not quit', in: key('q', { ctrlKey: true, altKey: true }), want: null },
    { name: 'Escape', in: key('Escape', { code: 'Escape' }), want: 'escape' },
    { name: 'Ctrl+Escape', in: key('Escape', { ctrlKey: true }), want: null },
    { name: 'plain q', in: key('q'), want: null },
    { name: 'plain comma', in: key(','), want: null },
    { name: 'Enter', in: key('Enter'), want: null },
    { name: 'Control alone', in: key('Control', { ctrlKey: true, code: 'ControlLeft' }), want: null },
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect(matchShortcut(c.in)).toBe(c.want)
    })
  }
})
