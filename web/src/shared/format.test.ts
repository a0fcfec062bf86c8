import { describe, expect, it } from 'vitest'
import { displayValue, formatDateTime, formatFen, formatParkDate, isMasked } from './format'

describe('formatFen', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [123456, '¥1,234.56'],
    [500000000, '¥5,000,000.00'],
    [-1999, '-¥19.99'],
  ])('%i fen is %s', (fen, shown) => {
    expect(formatFen(fen)).toBe(shown)
  })

  it('keeps every fen of the largest safe amount', () => {
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('¥90,071,992,547,409.91')
  })

  it('refuses a fraction of a fen', () => {
    expect(() => formatFen(1.5)).toThrow(RangeError)
  })
})

describe('park time', () => {
  it('shows a UTC instant on the Asia/Shanghai clock', () => {
    expect(formatDateTime('2026-12-01T09:21:00Z')).toBe('2026-12-01 17:21')
  })

  it('moves a UTC evening to the next park day', () => {
    expect(formatParkDate('2026-12-31T16:30:00Z')).toBe('2027-01-01')
    expect(formatDateTime('2026-12-31T16:30:00+00:00')).toBe('2027-01-01 00:30')
  })

  it('shows midnight as 00, not 24', () => {
    expect(formatDateTime('2026-06-30T16:00:00Z')).toBe('2026-07-01 00:00')
  })

  it('shows a dash for no value and refuses garbage', () => {
    expect(formatDateTime(null)).toBe('—')
    expect(() => formatDateTime('yesterday')).toThrow(RangeError)
  })
})

describe('masked values', () => {
  it('recognises what the server masked', () => {
    expect(isMasked('138****5678')).toBe(true)
    expect(isMasked('13812345678')).toBe(false)
    expect(isMasked(null)).toBe(false)
  })

  it('shows a dash for a missing value', () => {
    expect(displayValue(null)).toBe('—')
    expect(displayValue('')).toBe('—')
    expect(displayValue(0)).toBe('0')
  })
})
