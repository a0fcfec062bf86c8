/** The holiday calendar as people read it: months of weeks from Monday, and a pasted schedule as entries. */

export interface GridDay {
  /** "2026-10-01" */
  date: string
  day: number
  weekend: boolean
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The weeks of a month (1-12), Monday first; null fills the days before the 1st and after the last. */
export function monthWeeks(year: number, month: number): (GridDay | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1))
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const offset = (first.getUTCDay() + 6) % 7 // Monday = 0
  const cells: (GridDay | null)[] = Array.from({ length: offset }, () => null)
  for (let day = 1; day <= length; day++) {
    const weekday = (offset + day - 1) % 7
    cells.push({ date: `${year}-${pad(month)}-${pad(day)}`, day, weekend: weekday >= 5 })
  }
  while (cells.length % 7) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7))
}

export interface PastedEntry {
  date: string
  kind: string
  name: string
}

/** "2026-10-01,HOLIDAY,国庆节" lines (commas, tabs or full-width commas), blank lines skipped. Lines that are
 * not three fields come back by number, so the form can say which; kinds and dates are the server's to judge. */
export function parseSchedule(text: string): { entries: PastedEntry[]; lines: number[]; badLines: number[] } {
  const entries: PastedEntry[] = []
  const lines: number[] = []
  const badLines: number[] = []
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim()
    if (!line) return
    const parts = line.split(/[,，\t]/).map((p) => p.trim())
    if (parts.length !== 3 || parts.some((p) => !p)) {
      badLines.push(index + 1)
      return
    }
    const [date, kind, name] = parts as [string, string, string]
    entries.push({ date, kind: kind.toUpperCase(), name })
    lines.push(index + 1)
  })
  return { entries, lines, badLines }
}

/** The days of a year as lines of the same format, to edit and paste back. */
export function formatSchedule(days: readonly PastedEntry[]): string {
  return days.map((d) => `${d.date},${d.kind},${d.name}`).join('\n')
}
