/** How a fund application's status reads to its applicant: whose move it is, and how it ended. */
import type { FundApplicationStatus } from '@/shared/graphql/generated/graphql'

/** The applicant may change and (re)submit it. */
export function editable(status: FundApplicationStatus): boolean {
  return status === 'DRAFT' || status === 'RETURNED_FOR_CHANGES'
}

export function fundTagType(status: FundApplicationStatus): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  if (editable(status)) return 'warning'
  if (status === 'PAID') return 'success'
  if (status === 'FAILED' || status === 'REJECTED' || status === 'CLAWED_BACK') return 'danger'
  if (status === 'CANCELLED') return 'info'
  return 'primary'
}
