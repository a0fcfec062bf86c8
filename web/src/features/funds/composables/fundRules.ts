/** The funds screens' small rules: who reviews at which stage, how a status looks, when a batch is done. */
import type { ApiScope, FundApplicationStatus, ReviewStage } from '@/shared/graphql/generated/graphql'

/** A batch's applications by outcome (PaymentBatch.progress). */
export interface BatchProgress {
  scheduled: number
  paying: number
  paid: number
  failed: number
  cancelled: number
  clawedBack: number
}

/** The review stage the viewer decides: chain staff review (行业党委审核), the park approves (园区审批). */
export function reviewStageOf(permissions: readonly ApiScope[]): ReviewStage | null {
  if (permissions.includes('FUNDS_REVIEW')) return 'CHAIN'
  if (permissions.includes('FUNDS_APPROVE')) return 'PARK'
  return null
}

export type Tone = 'primary' | 'success' | 'warning' | 'danger' | 'info'

const TONES: Record<FundApplicationStatus, Tone> = {
  DRAFT: 'info',
  SUBMITTED: 'primary',
  RETURNED_FOR_CHANGES: 'warning',
  CHAIN_APPROVED: 'primary',
  PARK_APPROVED: 'success',
  SCHEDULED: 'primary',
  PAYING: 'warning',
  PAID: 'success',
  FAILED: 'danger',
  REJECTED: 'danger',
  CANCELLED: 'info',
  CLAWED_BACK: 'info',
}

export function statusTone(status: FundApplicationStatus): Tone {
  return TONES[status]
}

/** An executed batch is settled when no payment is still scheduled or on its way. */
export function batchSettled(progress: Pick<BatchProgress, 'scheduled' | 'paying'>): boolean {
  return progress.scheduled === 0 && progress.paying === 0
}

/** Share of the batch's applications with a final answer, as a whole percentage. */
export function settledPercent(progress: BatchProgress, count: number): number {
  if (count <= 0) return 100
  const settled = progress.paid + progress.failed + progress.cancelled + progress.clawedBack
  return Math.min(100, Math.floor((settled * 100) / count))
}
