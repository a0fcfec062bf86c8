/** Who may open a screen or see its menu entry: its permissions, and for the platform's own screens
 * (parks, the holiday calendar) the platform admin's flag, which no permission of a park carries. */
import type { Requirement } from './permissions'

export interface Access {
  permission?: Requirement
  /** `permission` lists alternatives: any one of them suffices. */
  any?: boolean
  /** Only platform admins, whether or not they act in a park. */
  platformAdmin?: boolean
}

export interface Viewing {
  can(required: Requirement, mode?: 'all' | 'any'): boolean
  readonly viewer: { readonly isPlatformAdmin: boolean } | null
}

export function mayOpen(session: Viewing, access: Access): boolean {
  if (access.platformAdmin && !session.viewer?.isPlatformAdmin) return false
  return session.can(access.permission ?? [], access.any ? 'any' : 'all')
}
