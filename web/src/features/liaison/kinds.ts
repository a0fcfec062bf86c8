/** The liaison enums in the order the screens offer them. */
import type { AssignmentKind, AssignmentStatus } from '@/shared/graphql/generated/graphql'

export const ASSIGNMENT_KINDS: readonly AssignmentKind[] = ['LIAISON_OFFICER', 'PARTY_INSTRUCTOR']
export const ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = ['ACTIVE', 'SCHEDULED', 'ENDED']
export const ASSIGNMENT_STATUS_TAG: Record<AssignmentStatus, 'success' | 'warning' | 'info'> = {
  ACTIVE: 'success',
  SCHEDULED: 'warning',
  ENDED: 'info',
}
