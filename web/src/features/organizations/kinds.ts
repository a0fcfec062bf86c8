/** The registry's enums in the order the screens offer them. */
import type { FormationMode, OrganizationKind, OrganizationStatus } from '@/shared/graphql/generated/graphql'

export const ORGANIZATION_KINDS: readonly OrganizationKind[] = [
  'PARTY_COMMITTEE',
  'GENERAL_BRANCH',
  'BRANCH',
  'JOINT_BRANCH',
  'TEMPORARY_BRANCH',
  'AREA_BRANCH',
]
export const ORGANIZATION_STATUSES: readonly OrganizationStatus[] = ['PREPARING', 'FORMED', 'DISSOLVED']
export const FORMATION_MODES: readonly FormationMode[] = ['STANDALONE', 'JOINT', 'MASS_ORGANIZATION', 'BUSINESS_NEED', 'AREA_BLOCK']
/** Only these may have subordinate organisations (services/registry/organizations.py PARENT_KINDS). */
export const PARENT_KINDS: readonly OrganizationKind[] = ['PARTY_COMMITTEE', 'GENERAL_BRANCH']

export const STATUS_TAG: Record<OrganizationStatus, 'warning' | 'success' | 'info'> = {
  PREPARING: 'warning',
  FORMED: 'success',
  DISSOLVED: 'info',
}
