/** Display formats: money in fen shown as yuan, instants in park time (Asia/Shanghai), masked values. */

export const PARK_TIME_ZONE = 'Asia/Shanghai'

/** 123456 fen → "¥1,234.56", by integer arithmetic so no float rounding can move a fen. */
export function formatFen(fen: number, locale = 'zh-CN'): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not an integer amount of fen: ${fen}`)
  const abs = Math.abs(fen)
  const yuan = new Intl.NumberFormat(locale, { useGrouping: true }).format(Math.floor(abs / 100))
  const cents = String(abs % 100).padStart(2, '0')
  return `${fen < 0 ? '-' : ''}¥${yuan}.${cents}`
}

function parts(iso: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO 8601 instant: ${iso}`)
  const formatted = new Intl.DateTimeFormat('en-CA', { timeZone: PARK_TIME_ZONE, hourCycle: 'h23', ...options })
  return Object.fromEntries(formatted.formatToParts(date).map((p) => [p.type, p.value]))
}

/** A DateTime (UTC instant) as the park's wall clock: "2026-12-01 17:21". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const p = parts(iso, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`
}

/** The park's calendar day of an instant: "2026-12-01" (a UTC evening is the next morning in Changsha). */
export function formatParkDate(iso: string | null | undefined): string {
  if (!iso) return '—'
  const p = parts(iso, { year: 'numeric', month: '2-digit', day: '2-digit' })
  return `${p.year}-${p.month}-${p.day}`
}

/** The server masks by role (e.g. "138****5678"); the app shows what it got and says when it was masked. */
export function isMasked(value: string | null | undefined): boolean {
  return !!value && value.includes('*')
}

export function displayValue(value: string | number | null | undefined): string {
  return value === null || value === undefined || value === '' ? '—' : String(value)
}
