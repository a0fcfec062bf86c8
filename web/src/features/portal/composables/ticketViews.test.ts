import { describe, expect, it } from 'vitest'
import { statusTagType, statusesOf, ticketView, waitsOnContact } from './ticketViews'

describe('ticket views', () => {
  it('reads the view from the route query, all by default', () => {
    expect(ticketView('waiting')).toBe('waiting')
    expect(ticketView('bogus')).toBe('all')
    expect(ticketView(undefined)).toBe('all')
  })

  it('cuts the statuses so every status is in exactly one view', () => {
    const all = ['open', 'waiting', 'done'].flatMap((v) => statusesOf(ticketView(v)) ?? [])
    expect(new Set(all).size).toBe(all.length)
    expect(all).toHaveLength(9)
    expect(statusesOf('all')).toBeNull()
  })

  it('marks what waits for the contact', () => {
    expect(waitsOnContact('WAITING_ON_ENTERPRISE')).toBe(true)
    expect(waitsOnContact('RESOLVED')).toBe(true)
    expect(waitsOnContact('IN_PROGRESS')).toBe(false)
    expect(statusTagType('RESOLVED')).toBe('warning')
    expect(statusTagType('CLOSED')).toBe('success')
  })
})
