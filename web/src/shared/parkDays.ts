/** Calendar days of the park (Asia/Shanghai, UTC+8 all year) as the instants a DateTime filter takes. */

const DAY = /^\d{4}-\d{2}-\d{2}$/

/** "2026-12-01" → the instant that day begins in the park. */
export function parkDayStart(day: string): string {
  if (!DAY.test(day)) throw new RangeError(`not a calendar day: ${day}`)
  return new Date(`${day}T00:00:00+08:00`).toISOString()
}

/** "2026-12-01" → the instant the next day begins: the exclusive end of a range ending that day. */
export function parkDayEnd(day: string): string {
  const start = new Date(parkDayStart(day))
  return new Date(start.getTime() + 24 * 3600 * 1000).toISOString()
}

/** A date picker's [from, to] as since/until, or nulls when no range is chosen. */
export function parkDayRange(range: readonly string[] | null | undefined): { since: string | null; until: string | null } {
  const [from, to] = range ?? []
  return { since: from ? parkDayStart(from) : null, until: to ? parkDayEnd(to) : null }
}
