/** Member statuses in the order of member development (发展党员): activist → target → probationary → full. */
import type { MemberStatus } from '@/shared/graphql/generated/graphql'

export const MEMBER_STATUSES: readonly MemberStatus[] = ['FULL', 'PROBATIONARY', 'DEVELOPMENT_TARGET', 'ACTIVIST']

export const MEMBER_STATUS_TAG: Record<MemberStatus, 'danger' | 'warning' | 'primary' | 'info'> = {
  FULL: 'danger',
  PROBATIONARY: 'warning',
  DEVELOPMENT_TARGET: 'primary',
  ACTIVIST: 'info',
}
