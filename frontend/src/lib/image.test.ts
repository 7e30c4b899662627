import { describe, expect, it } from 'vitest'
import { isSafeImageSrc, safeImageSrc } from './image'

describe('isSafeImageSrc', () => {
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg=='
  const cases: Array<[string, unknown, boolean]> = [
    ['png', png, true],
    ['jpeg', 'data:image/jpeg;base64,/9j/4AAQSkZJRg==', true],
    ['no padding', 'data:image/png;base64,AAAA', true],
    ['svg', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=', false],
    ['gif', 'data:image/gif;base64,R0lGODlh', false],
    ['jpg alias', 'data:image/jpg;base64,/9j/', false],
    ['not base64', 'data:image/png,<svg onload=alert(1)>', false],
    ['remote', 'https://example.com/logo.png', false],
    ['javascript', 'javascript:alert(1)', false],
    ['upper-case scheme', 'DATA:image/png;base64,AAAA', false],
    ['quote injection', 'data:image/png;base64,AAAA" onerror="alert(1)', false],
    ['trailing newline', 'data:image/png;base64,AAAA\n', false],
    ['leading space', ' data:image/png;base64,AAAA', false],
    ['empty payload', 'data:image/png;base64,', false],
    ['too much padding', 'data:image/png;base64,AA===', false],
    ['empty', '', false],
    ['null', null, false],
    ['object', { src: png }, false],
  ]
  for (const [name, v, want] of cases) {
    it(`${name} -> ${want}`, () => {
      expect(isSafeImageSrc(v)).toBe(want)
      expect(safeImageSrc(v)).toBe(want ? v : null)
    })
  }
})
