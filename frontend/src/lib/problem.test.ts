import { describe, expect, it } from 'vitest'
import { toProblem, type Problem } from './problem'

describe('toProblem', () => {
  const cases: Array<{ name: string; in: unknown; want: Problem }> = [
    { name: 'backend problem', in: { code: 'invalid', message: 'Le nom est obligatoire.' }, want: { code: 'invalid', message: 'Le nom est obligatoire.' } },
    { name: 'problem with extra fields', in: { code: 'conflict', message: 'Déjà pris', x: 1 }, want: { code: 'conflict', message: 'Déjà pris' } },
    { name: 'JSON string of a problem', in: '{"code":"notFound","message":"Introuvable"}', want: { code: 'notFound', message: 'Introuvable' } },
    { name: 'plain string', in: 'boom', want: { code: 'unknown', message: 'boom' } },
    { name: 'string that only looks like JSON', in: '{oops', want: { code: 'unknown', message: '{oops' } },
    { name: 'JSON string without problem fields', in: '{"a":1}', want: { code: 'unknown', message: '{"a":1}' } },
    { name: 'Error', in: new Error('network down'), want: { code: 'unknown', message: 'network down' } },
    { name: 'TypeError without bridge', in: new TypeError("Cannot read properties of undefined (reading 'api')"), want: { code: 'unknown', message: "Cannot read properties of undefined (reading 'api')" } },
    { name: 'code only', in: { code: 'internal' }, want: { code: 'internal', message: '' } },
    { name: 'empty code', in: { code: '  ', message: 'x' }, want: { code: 'unknown', message: 'x' } },
    { name: 'non-string fields', in: { code: 42, message: { a: 1 } }, want: { code: 'unknown', message: '' } },
    { name: 'nested error object', in: { error: { code: 'transient', message: 'Réessayez' } }, want: { code: 'transient', message: 'Réessayez' } },
    { name: 'nested error string', in: { error: 'bad' }, want: { code: 'unknown', message: 'bad' } },
    { name: 'null', in: null, want: { code: 'unknown', message: '' } },
    { name: 'undefined', in: undefined, want: { code: 'unknown', message: '' } },
    { name: 'number', in: 7, want: { code: 'unknown', message: '' } },
    { name: 'whitespace trimmed', in: { code: ' invalid ', message: '  Nom vide  ' }, want: { code: 'invalid', message: 'Nom vide' } },
  ]
  for (const c of cases) {
    it(c.name, () => {
      expect(toProblem(c.in)).toEqual(c.want)
    })
  }

  it('is idempotent', () => {
    for (const c of cases) expect(toProblem(toProblem(c.in))).toEqual(c.want)
  })
})
