import { describe, expect, it } from 'vitest'
import { slaState, spanParts } from './sla'

const NOW = Date.parse('2026-12-01T02:00:00Z')

describe('slaState', () => {
  it('is fine before the warning mark', () => {
    const state = slaState({ dueAt: '2026-12-01T10:00:00Z', warnAt: '2026-12-01T08:00:00Z', paused: false, breached: false }, NOW)
    expect(state).toEqual({ level: 'ok', remainingMs: 8 * 3600_000 })
  })

  it('warns once the server warning mark has passed', () => {
    const state = slaState({ dueAt: '2026-12-01T03:00:00Z', warnAt: '2026-12-01T01:00:00Z', paused: false, breached: false }, NOW)
    expect(state.level).toBe('warning')
  })

  it('is overdue past the deadline, or when the server says so', () => {
    expect(slaState({ dueAt: '2026-12-01T01:00:00Z', paused: false, breached: false }, NOW)).toEqual({ level: 'overdue', remainingMs: -3600_000 })
    expect(slaState({ dueAt: '2026-12-01T05:00:00Z', paused: false, breached: true }, NOW).level).toBe('overdue')
    expect(slaState({ dueAt: null, paused: false, breached: true }, NOW).level).toBe('overdue')
  })

  it('stands still while waiting on the enterprise, and has nothing to count once resolved', () => {
    expect(slaState({ dueAt: '2026-12-01T05:00:00Z', paused: true, breached: false }, NOW)).toEqual({ level: 'paused', remainingMs: null })
    expect(slaState({ dueAt: null, paused: false, breached: false }, NOW)).toEqual({ level: 'none', remainingMs: null })
  })
})

describe('spanParts', () => {
  it('keeps the two largest units', () => {
    expect(spanParts((2 * 24 + 3) * 3600_000 + 5 * 60_000)).toEqual({ days: 2, hours: 3, minutes: 0 })
    expect(spanParts(5 * 3600_000 + 12 * 60_000)).toEqual({ days: 0, hours: 5, minutes: 12 })
    expect(spanParts(-4 * 60_000)).toEqual({ days: 0, hours: 0, minutes: 4 })
  })
})
