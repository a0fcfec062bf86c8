import { describe, expect, it } from 'vitest'
import { apiFilter, filtersFromQuery, queryFromFilters } from './queueQuery'

describe('queue filters in the URL', () => {
  it('reads the shared URL contract', () => {
    const f = filtersFromQuery({ view: 'mine', status: 'NEW,IN_PROGRESS,BOGUS,NEW', overdue: 'yes', chain: 'c1', q: '融资' })
    expect(f).toEqual({ view: 'mine', statuses: ['NEW', 'IN_PROGRESS'], overdue: true, chainId: 'c1', categoryId: '', search: '融资' })
  })

  it('falls back to the plain queue for anything it does not know', () => {
    expect(filtersFromQuery({ view: 'everything', overdue: 'maybe', status: ['NEW'] })).toEqual({
      view: 'queue',
      statuses: [],
      overdue: false,
      chainId: '',
      categoryId: '',
      search: '',
    })
  })

  it('writes back only what differs from the defaults, and round-trips', () => {
    const f = filtersFromQuery({ status: 'RESOLVED', category: 'k1', q: '  用电 ' })
    expect(queryFromFilters(f)).toEqual({ status: 'RESOLVED', category: 'k1', q: '用电' })
    expect(queryFromFilters(filtersFromQuery({}))).toEqual({})
  })

  it('asks the API for the viewer own tickets in "mine"', () => {
    const f = filtersFromQuery({ view: 'mine', overdue: 'yes' })
    expect(apiFilter(f, 'u1')).toEqual({ statuses: null, overdue: true, chainId: null, categoryId: null, search: null, assigneeId: 'u1' })
    expect(apiFilter(filtersFromQuery({}), 'u1').assigneeId).toBeNull()
  })
})
