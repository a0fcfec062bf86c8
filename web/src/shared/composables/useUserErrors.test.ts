import { describe, expect, it } from 'vitest'
import { fieldKey, useUserErrors } from './useUserErrors'

describe('useUserErrors', () => {
  it('puts each error on its field by path', () => {
    const form = useUserErrors(['email', 'password'])

    const ok = form.apply([
      { field: ['email'], code: 'INVALID_EMAIL', message: '邮箱格式不正确' },
      { field: ['input', 'password'], code: 'TOO_SHORT', message: '密码太短' },
    ])

    expect(ok).toBe(false)
    expect(form.fieldError('email')).toBe('邮箱格式不正确')
    expect(form.fieldError('password')).toBe('密码太短')
    expect(form.general.value).toHaveLength(0)
  })

  it('shows errors of no field or of an unknown field above the form', () => {
    const form = useUserErrors(['email'])

    form.apply([
      { field: null, code: 'INVALID_CREDENTIALS', message: '邮箱或密码错误' },
      { field: ['parkId'], code: 'NOT_A_MEMBER', message: '不是该园区成员' },
    ])

    expect(form.fieldError('email')).toBeUndefined()
    expect(form.general.value).toEqual(['邮箱或密码错误', '不是该园区成员'])
    expect(form.has('INVALID_CREDENTIALS')).toBe(true)
    expect(form.has('RATE_LIMITED')).toBe(false)
  })

  it('keeps the first error of a field on it and clears on success', () => {
    const form = useUserErrors(['name'])
    form.apply([
      { field: ['name'], code: 'REQUIRED', message: 'first' },
      { field: ['input', 'name'], code: 'TOO_LONG', message: 'second' },
    ])
    expect(form.fieldError('name')).toBe('first')

    expect(form.apply([])).toBe(true)

    expect(form.fieldError('name')).toBeUndefined()
    expect(form.errors.value).toHaveLength(0)
  })

  it('names nested input paths without the input prefix', () => {
    expect(fieldKey(['input', 'rows', '2', 'creditCode'])).toBe('rows.2.creditCode')
    expect(fieldKey(['creditCode'])).toBe('creditCode')
  })
})
