import { describe, expect, it } from 'vitest'
import type { ApiScope } from './graphql/generated/graphql'
import { allows } from './permissions'
import { mayOpen } from './access'

function viewing(permissions: ApiScope[], isPlatformAdmin = false) {
  return {
    viewer: { isPlatformAdmin },
    can: (required: ApiScope | readonly ApiScope[], mode: 'all' | 'any' = 'all') => allows(permissions, required, mode),
  }
}

describe('mayOpen', () => {
  it('follows the permissions of the park', () => {
    expect(mayOpen(viewing(['AUDIT_READ']), { permission: 'AUDIT_READ' })).toBe(true)
    expect(mayOpen(viewing(['AUDIT_READ']), { permission: 'MEMBERSHIPS_MANAGE' })).toBe(false)
    expect(mayOpen(viewing(['AUDIT_READ']), { permission: ['AUDIT_READ', 'FUNDS_READ'], any: true })).toBe(true)
  })

  it('opens platform screens to platform admins only, with or without a park', () => {
    expect(mayOpen(viewing([], true), { platformAdmin: true })).toBe(true)
    expect(mayOpen(viewing(['MEMBERSHIPS_MANAGE', 'AUDIT_READ']), { platformAdmin: true })).toBe(false)
    expect(mayOpen({ viewer: null, can: () => true }, { platformAdmin: true })).toBe(false)
  })
})
