/** Today on the park's calendar (Asia/Shanghai) as a GraphQL Date, the default of every "on which day" field. */
import { formatParkDate } from './format'

export function parkToday(now: Date = new Date()): string {
  return formatParkDate(now.toISOString())
}

/** Pickers refuse days after today where the API does (formed on, visited on, transferred on). */
export function isAfterParkToday(day: Date): boolean {
  const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`
  return iso > parkToday()
}
