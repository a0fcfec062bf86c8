/** A ticket's clock as the queue shows it: how long is left before the deadline that counts now, and
 * whether that is fine, close (the server's 80 % warning mark) or past. */

export type SlaLevel = 'ok' | 'warning' | 'overdue' | 'paused' | 'none'

export interface SlaClock {
  dueAt?: string | null
  warnAt?: string | null
  paused: boolean
  breached: boolean
}

export interface SlaState {
  level: SlaLevel
  /** Milliseconds to the deadline; negative once past; null without a running deadline. */
  remainingMs: number | null
}

export function slaState(clock: SlaClock, now: number): SlaState {
  if (clock.paused) return { level: 'paused', remainingMs: null }
  if (!clock.dueAt) return { level: clock.breached ? 'overdue' : 'none', remainingMs: null }
  const remainingMs = Date.parse(clock.dueAt) - now
  if (remainingMs <= 0 || clock.breached) return { level: 'overdue', remainingMs }
  if (clock.warnAt && Date.parse(clock.warnAt) <= now) return { level: 'warning', remainingMs }
  return { level: 'ok', remainingMs }
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** The largest two units of a span: { days: 2, hours: 3 }, { hours: 5, minutes: 12 }, { minutes: 4 }. */
export function spanParts(ms: number): { days: number; hours: number; minutes: number } {
  const abs = Math.abs(ms)
  const days = Math.floor(abs / DAY)
  const hours = Math.floor((abs % DAY) / HOUR)
  const minutes = days > 0 ? 0 : Math.floor((abs % HOUR) / MINUTE)
  return { days, hours, minutes }
}
