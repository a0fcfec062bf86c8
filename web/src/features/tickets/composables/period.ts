/** The statistics period as the URL carries it (`from=2026-01-01&to=2026-12-01`), in park days. */
import type { LocationQuery } from 'vue-router'
import { formatParkDate } from '@/shared/format'

const DAY = /^\d{4}-\d{2}-\d{2}$/

export interface Period {
  start: string
  end: string
}

/** This year so far, in park time: the committees report by the year. */
export function defaultPeriod(now: Date = new Date()): Period {
  const today = formatParkDate(now.toISOString())
  return { start: `${today.slice(0, 4)}-01-01`, end: today }
}

export function periodFromQuery(query: LocationQuery, now: Date = new Date()): Period {
  const from = typeof query.from === 'string' && DAY.test(query.from) ? query.from : null
  const to = typeof query.to === 'string' && DAY.test(query.to) ? query.to : null
  return from && to && from <= to ? { start: from, end: to } : defaultPeriod(now)
}

/** The period as the export's filter: [start 00:00, the day after end 00:00) in Asia/Shanghai. */
export function createdRange(period: Period): { createdFrom: string; createdBefore: string } {
  const after = new Date(`${period.end}T00:00:00+08:00`)
  after.setUTCDate(after.getUTCDate() + 1)
  return { createdFrom: new Date(`${period.start}T00:00:00+08:00`).toISOString(), createdBefore: after.toISOString() }
}
