/** Who lands in the portal rather than the console: people whose only roles speak for an enterprise. */
import type { Role } from '@/shared/graphql/generated/graphql'

export function isPortalUser(roles: readonly Role[] | undefined): boolean {
  return !!roles?.length && roles.every((role) => role === 'ENTERPRISE_CONTACT')
}
