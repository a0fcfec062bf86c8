import { describe, expect, it } from 'vitest'
import { fenToYuanInput, yuanToFen } from './yuan'

describe('yuan typed in a form', () => {
  it('becomes integer fen without float rounding', () => {
    expect(yuanToFen('5000')).toBe(500_000)
    expect(yuanToFen('5,000.5')).toBe(500_050)
    expect(yuanToFen(' ¥0.07 ')).toBe(7)
    expect(yuanToFen('1234567.89')).toBe(123_456_789)
    expect(yuanToFen('0.29')).toBe(29) // 0.29 * 100 is 28.999… in floating point
  })

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1.234', '1e3', '.5', '12345678901234']) expect(yuanToFen(bad)).toBeNull()
  })

  it('goes back to the text a form starts with', () => {
    expect(fenToYuanInput(500_000)).toBe('5000')
    expect(fenToYuanInput(500_050)).toBe('5000.50')
    expect(fenToYuanInput(7)).toBe('0.07')
    expect(yuanToFen(fenToYuanInput(123_456_789))).toBe(123_456_789)
  })
})
