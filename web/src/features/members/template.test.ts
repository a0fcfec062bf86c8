import { describe, expect, it } from 'vitest'
import { memberTemplateCsv } from './template'

describe('memberTemplateCsv', () => {
  it('starts with a BOM and the Chinese headers the import reads', () => {
    const csv = memberTemplateCsv('zh-CN')
    expect(csv.startsWith('\uFEFF姓名,身份证号,党员状态,所在党组织')).toBe(true)
    expect(csv.trim().split('\r\n')).toHaveLength(2)
  })

  it('has English headers in English', () => {
    expect(memberTemplateCsv('en').slice(1).split(',')[0]).toBe('name')
  })
})
