import { describe, expect, it } from 'vitest'
import { compactQuery, queryChoice, queryText } from './routeQuery'

describe('route query', () => {
  it('reads text and choices, ignoring repeated or unknown values', () => {
    const query = { q: '博翔', tab: 'done', many: ['a', 'b'], odd: 'x' }
    expect(queryText(query, 'q')).toBe('博翔')
    expect(queryText(query, 'many')).toBe('')
    expect(queryChoice(query, 'tab', ['pending', 'done'] as const, 'pending')).toBe('done')
    expect(queryChoice(query, 'odd', ['pending', 'done'] as const, 'pending')).toBe('pending')
  })

  it('writes only the filters that are set', () => {
    expect(compactQuery({ q: '', actor: 'VXNlcjox', kind: null, since: undefined })).toEqual({ actor: 'VXNlcjox' })
  })
})
