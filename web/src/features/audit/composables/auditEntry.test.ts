import { describe, expect, it } from 'vitest'
import { actionParts, describeValue, fieldChanges } from './auditEntry'

describe('fieldChanges', () => {
  it('lists every field of both sides and marks the changed ones', () => {
    const rows = fieldChanges({ name: '博翔', is_key: false, area: '麓谷' }, { name: '博翔新材料', is_key: true, area: '麓谷' })

    expect(rows).toEqual([
      { field: 'name', before: '博翔', after: '博翔新材料', changed: true },
      { field: 'is_key', before: '✗', after: '✓', changed: true },
      { field: 'area', before: '麓谷', after: '麓谷', changed: false },
    ])
  })

  it('shows a created object as after-only and a missing side as a dash', () => {
    expect(fieldChanges(null, { role: 'AUDITOR', revoked_at: null })).toEqual([
      { field: 'role', before: '—', after: 'AUDITOR', changed: true },
      { field: 'revoked_at', before: '—', after: '—', changed: false },
    ])
    expect(fieldChanges(null, null)).toEqual([])
  })

  it('compares lists and objects by value', () => {
    const [row] = fieldChanges({ scopes: ['AUDIT_READ'] }, { scopes: ['AUDIT_READ'] })
    expect(row?.changed).toBe(false)
  })
})

describe('describeValue', () => {
  it('shows instants in park time and lists joined', () => {
    expect(describeValue('2026-12-01T02:30:00+00:00')).toBe('2026-12-01 10:30')
    expect(describeValue(['a', 'b'])).toBe('a、b')
    expect(describeValue({ kind: 'user_phone', count: 3 })).toBe('kind: user_phone; count: 3')
    expect(describeValue(0)).toBe('0')
    expect(describeValue('')).toBe('—')
  })
})

describe('actionParts', () => {
  it('tells security events from changes', () => {
    expect(actionParts('security.role_grant')).toEqual({ security: true, subject: 'security', verb: 'role_grant' })
    expect(actionParts('enterprise.update')).toEqual({ security: false, subject: 'enterprise', verb: 'update' })
    expect(actionParts('odd')).toEqual({ security: false, subject: '', verb: 'odd' })
  })
})
