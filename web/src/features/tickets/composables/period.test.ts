import { describe, expect, it } from 'vitest'
import { createdRange, defaultPeriod, periodFromQuery } from './period'

describe('the statistics period', () => {
  it('defaults to this year so far in park time', () => {
    // 20:00 UTC on 31 December is already 1 January in Changsha.
    expect(defaultPeriod(new Date('2026-12-31T20:00:00Z'))).toEqual({ start: '2027-01-01', end: '2027-01-01' })
    expect(defaultPeriod(new Date('2026-06-15T02:00:00Z'))).toEqual({ start: '2026-01-01', end: '2026-06-15' })
  })

  it('reads a valid period from the URL and ignores a bad one', () => {
    const now = new Date('2026-06-15T02:00:00Z')
    expect(periodFromQuery({ from: '2026-03-01', to: '2026-03-31' }, now)).toEqual({ start: '2026-03-01', end: '2026-03-31' })
    expect(periodFromQuery({ from: '2026-04-01', to: '2026-03-31' }, now)).toEqual({ start: '2026-01-01', end: '2026-06-15' })
    expect(periodFromQuery({ from: 'yesterday', to: '2026-03-31' }, now).start).toBe('2026-01-01')
  })

  it('turns park days into the instants of the export filter', () => {
    expect(createdRange({ start: '2026-03-01', end: '2026-03-31' })).toEqual({
      createdFrom: '2026-02-28T16:00:00.000Z',
      createdBefore: '2026-03-31T16:00:00.000Z',
    })
  })
})
