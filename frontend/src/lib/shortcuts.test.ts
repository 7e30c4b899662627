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
    { name: 'Ctrl+Shift+P', in: key('P', { ctrlKey: true, shiftKey: true, code: 'KeyP' }), want: 'new-post' },
    { name: 'Cmd+Shift+P', in: key('p', { metaKey: true, shiftKey: true }), want: 'new-post' },
    { name: 'Ctrl+P is not a shortcut', in: key('p', { ctrlKey: true, code: 'KeyP' }), want: null },
    { name: 'Ctrl+1', in: key('1', { ctrlKey: true, code: 'Digit1' }), want: 'open-calendar' },
    { name: 'Ctrl+1 on AZERTY (key &)', in: key('&', { ctrlKey: true, code: 'Digit1' }), want: 'open-calendar' },
    { name: 'Ctrl+1 on the keypad', in: key('1', { ctrlKey: true, code: 'Numpad1' }), want: 'open-calendar' },
    { name: 'Ctrl+2', in: key('2', { ctrlKey: true, code: 'Digit2' }), want: 'open-home' },
    { name: 'Ctrl+2 on AZERTY (key é)', in: key('é', { ctrlKey: true, code: 'Digit2' }), want: 'open-home' },
    { name: 'plain 1', in: key('1', { code: 'Digit1' }), want: null },
    { name: 'Ctrl+Alt+1', in: key('1', { ctrlKey: true, altKey: true }), want: null },
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
