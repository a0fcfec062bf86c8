/** An import's progress as the worker reports it: rows done of the total, and whether it has ended. */
import type { RegistryImportStatus } from '@/shared/graphql/generated/graphql'

export interface ImportCounts {
  status: RegistryImportStatus
  totalRows: number
  doneRows: number
}

export function importFinished(status: RegistryImportStatus): boolean {
  return status === 'DONE' || status === 'FAILED'
}

/** 0–100; a finished import is 100 (a FAILED file may have no rows at all), a waiting one 0. */
export function importPercent(counts: ImportCounts): number {
  if (importFinished(counts.status)) return 100
  if (counts.totalRows <= 0) return 0
  return Math.min(100, Math.floor((counts.doneRows / counts.totalRows) * 100))
}

export type ImportOutcome = 'waiting' | 'running' | 'clean' | 'withErrors' | 'failed'

export function importOutcome(counts: ImportCounts & { errorRows: number }): ImportOutcome {
  if (counts.status === 'PENDING') return 'waiting'
  if (counts.status === 'RUNNING') return 'running'
  if (counts.status === 'FAILED') return 'failed'
  return counts.errorRows > 0 ? 'withErrors' : 'clean'
}
