import { describe, expect, it } from 'vitest'
import { idleLimits, idlePhase, needsKeepAlive, secondsLeft } from './idle'

const MINUTE = 60_000

describe('idle sign-out', () => {
  const limits = idleLimits(30)

  it('warns a minute before the limit and ends at it', () => {
    expect(idlePhase(28 * MINUTE, 0, limits)).toBe('active')
    expect(idlePhase(29 * MINUTE - 1, 0, limits)).toBe('active')
    expect(idlePhase(29 * MINUTE, 0, limits)).toBe('warning')
    expect(idlePhase(30 * MINUTE - 1, 0, limits)).toBe('warning')
    expect(idlePhase(30 * MINUTE, 0, limits)).toBe('expired')
  })

  it('counts down the seconds left, never below zero', () => {
    expect(secondsLeft(29 * MINUTE, 0, limits)).toBe(60)
    expect(secondsLeft(29 * MINUTE + 500, 0, limits)).toBe(60)
    expect(secondsLeft(31 * MINUTE, 0, limits)).toBe(0)
  })

  it('warns for the last half of a limit shorter than two minutes', () => {
    const short = idleLimits(1)
    expect(short).toEqual({ idleMs: MINUTE, warnMs: 30_000 })
    expect(idlePhase(29_999, 0, short)).toBe('active')
    expect(idlePhase(30_000, 0, short)).toBe('warning')
  })

  it('keeps an active session alive once half the limit passed since the last renewal', () => {
    expect(needsKeepAlive(14 * MINUTE, 14 * MINUTE, 0, limits)).toBe(false)
    expect(needsKeepAlive(15 * MINUTE, 15 * MINUTE, 0, limits)).toBe(true)
    // Idle long enough to be warned: only "stay signed in" renews.
    expect(needsKeepAlive(29 * MINUTE, 0, 0, limits)).toBe(false)
  })
})
