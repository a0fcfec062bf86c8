import { describe, expect, it } from 'vitest'
import { compactQuery, queryChoice, queryText } from './routeQuery'

describe('route query filters', () => {
  it('reads one value per key and ignores repeated keys', () => {
    expect(queryText({ q: '锂电' }, 'q')).toBe('锂电')
    expect(queryText({ q: ['a', 'b'] }, 'q')).toBe('')
    expect(queryText({}, 'q')).toBe('')
  })

  it('keeps a choice only when it is one of the allowed values', () => {
    const statuses = ['PREPARING', 'FORMED', 'DISSOLVED'] as const
    expect(queryChoice({ status: 'FORMED' }, 'status', statuses, 'PREPARING')).toBe('FORMED')
    expect(queryChoice({ status: 'DROP TABLE' }, 'status', statuses, 'PREPARING')).toBe('PREPARING')
  })

  it('leaves empty filters out of the URL', () => {
    expect(compactQuery({ q: '', chain: 'c1', kind: null, status: undefined })).toEqual({ chain: 'c1' })
  })
})
