import { describe, expect, it } from 'vitest'
import { parkDayEnd, parkDayRange, parkDayStart } from './parkDays'

describe('park days', () => {
  it('starts a day at midnight in Changsha, 16:00 UTC the evening before', () => {
    expect(parkDayStart('2026-12-01')).toBe('2026-11-30T16:00:00.000Z')
    expect(parkDayEnd('2026-12-31')).toBe('2026-12-31T16:00:00.000Z')
  })

  it('turns a picked range into since and an exclusive until', () => {
    expect(parkDayRange(['2026-12-01', '2026-12-02'])).toEqual({
      since: '2026-11-30T16:00:00.000Z',
      until: '2026-12-02T16:00:00.000Z',
    })
    expect(parkDayRange(null)).toEqual({ since: null, until: null })
  })

  it('refuses what is not a day', () => {
    expect(() => parkDayStart('12/01/2026')).toThrow(RangeError)
  })
})
