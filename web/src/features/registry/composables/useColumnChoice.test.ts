import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { columnStorageKey, useColumnChoice } from './useColumnChoice'

const COLUMNS = [
  { key: 'name', label: 'n', fixed: true },
  { key: 'chain', label: 'c' },
  { key: 'area', label: 'a' },
]

describe('useColumnChoice', () => {
  beforeEach(() => localStorage.clear())

  it('shows every column until a choice is made', () => {
    const columns = useColumnChoice('enterprises', COLUMNS, ref('u1'))

    expect(['name', 'chain', 'area'].map(columns.shows)).toEqual([true, true, true])
    expect(columns.optional.map((c) => c.key)).toEqual(['chain', 'area'])
  })

  it('remembers the choice per user and never hides a fixed column', async () => {
    const user = ref('u1')
    const columns = useColumnChoice('enterprises', COLUMNS, user)

    columns.choose(['area'])

    expect(columns.shows('chain')).toBe(false)
    expect(columns.shows('name')).toBe(true)
    expect(JSON.parse(localStorage.getItem(columnStorageKey('enterprises', 'u1')) ?? '')).toEqual(['area'])
    expect(useColumnChoice('enterprises', COLUMNS, ref('u1')).chosen.value).toEqual(['area'])

    user.value = 'u2'
    await nextTick()
    expect(columns.shows('chain')).toBe(true)
  })

  it('ignores stored keys of columns that no longer exist and broken storage', () => {
    localStorage.setItem(columnStorageKey('enterprises', 'u1'), JSON.stringify(['gone', 'area']))
    localStorage.setItem(columnStorageKey('enterprises', 'u2'), '{not json')

    expect(useColumnChoice('enterprises', COLUMNS, ref('u1')).chosen.value).toEqual(['area'])
    expect(useColumnChoice('enterprises', COLUMNS, ref('u2')).chosen.value).toEqual(['chain', 'area'])
  })

  it('resets to every column', () => {
    const columns = useColumnChoice('enterprises', COLUMNS, ref('u1'))
    columns.choose([])

    columns.reset()

    expect(columns.chosen.value).toEqual(['chain', 'area'])
    expect(localStorage.getItem(columnStorageKey('enterprises', 'u1'))).toBeNull()
  })
})
