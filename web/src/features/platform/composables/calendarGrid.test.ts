import { describe, expect, it } from 'vitest'
import { formatSchedule, monthWeeks, parseSchedule } from './calendarGrid'

describe('monthWeeks', () => {
  it('starts weeks on Monday and marks weekends', () => {
    // 1 October 2026 is a Thursday.
    const weeks = monthWeeks(2026, 10)
    expect(weeks[0]?.slice(0, 3)).toEqual([null, null, null])
    expect(weeks[0]?.[3]).toEqual({ date: '2026-10-01', day: 1, weekend: false })
    expect(weeks[0]?.[5]).toEqual({ date: '2026-10-03', day: 3, weekend: true })
    expect(weeks.flat().filter((d) => d).length).toBe(31)
    expect(weeks.every((w) => w.length === 7)).toBe(true)
  })

  it('knows leap years', () => {
    expect(monthWeeks(2028, 2).flat().filter((d) => d).length).toBe(29)
    expect(monthWeeks(2026, 2).flat().filter((d) => d).length).toBe(28)
  })
})

describe('parseSchedule', () => {
  it('reads lines of date, kind and name, in any separator, and keeps their line numbers', () => {
    const parsed = parseSchedule('2026-10-01,holiday,国庆节\n\n2026-10-10，WORKDAY，调休上班\n2026-10-02\tHOLIDAY\t国庆节')
    expect(parsed.entries).toEqual([
      { date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' },
      { date: '2026-10-10', kind: 'WORKDAY', name: '调休上班' },
      { date: '2026-10-02', kind: 'HOLIDAY', name: '国庆节' },
    ])
    expect(parsed.lines).toEqual([1, 3, 4])
    expect(parsed.badLines).toEqual([])
  })

  it('names the lines that are not three fields', () => {
    expect(parseSchedule('2026-10-01,HOLIDAY\n2026-10-02,HOLIDAY,国庆节,extra\n,HOLIDAY,x').badLines).toEqual([1, 2, 3])
  })

  it('round-trips what it formats', () => {
    const days = [{ date: '2026-01-01', kind: 'HOLIDAY', name: '元旦' }]
    expect(parseSchedule(formatSchedule(days)).entries).toEqual(days)
  })
})
