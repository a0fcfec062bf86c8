/** Amounts typed in yuan ("5000", "5,000.5") to integer fen and back, by string arithmetic (no float). */

const YUAN = /^(\d{1,13})(?:\.(\d{1,2}))?$/

/** "5,000.50" → 500050; null when it is not a non-negative amount with at most two decimals. */
export function yuanToFen(text: string): number | null {
  const match = YUAN.exec(text.trim().replace(/[,，\s]/g, '').replace(/^¥/, ''))
  if (!match) return null
  const fen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(fen) ? fen : null
}

/** 500050 → "5000.50", 500000 → "5000": what a form's amount field starts with. */
export function fenToYuanInput(fen: number): string {
  const cents = fen % 100
  return cents === 0 ? String(Math.floor(fen / 100)) : `${Math.floor(fen / 100)}.${String(cents).padStart(2, '0')}`
}
