import { describe, expect, it } from 'vitest'
import { changedFields, shownValue } from './auditChanges'

describe('changedFields', () => {
  it('lists the fields an update changed, and only those', () => {
    const changes = changedFields({ name: '博翔', area: '麓谷', is_key: false }, { name: '博翔新材', area: '麓谷', is_key: true })

    expect(changes).toEqual([
      { field: 'name', before: '博翔', after: '博翔新材' },
      { field: 'is_key', before: false, after: true },
    ])
  })

  it('lists every field set by a creation (no before) and copes with non-objects', () => {
    expect(changedFields(null, { name: 'x', area: null }).map((c) => c.field)).toEqual(['name'])
    expect(changedFields('text', [1])).toEqual([])
  })

  it('shows empty values as a dash and objects as JSON', () => {
    expect([shownValue(null), shownValue(''), shownValue(false), shownValue({ a: 1 })]).toEqual(['—', '—', 'false', '{"a":1}'])
  })
})
