import { describe, expect, it } from 'vitest'
import { parkToday } from './parkToday'

describe('parkToday', () => {
  it('is the Changsha calendar day, not the UTC one', () => {
    // 17:30 UTC on 1 December is 01:30 on 2 December in Asia/Shanghai.
    expect(parkToday(new Date('2026-12-01T17:30:00Z'))).toBe('2026-12-02')
    expect(parkToday(new Date('2026-12-01T15:59:00Z'))).toBe('2026-12-01')
  })
})
