import type { OperationResult } from '@urql/core'
import { CombinedError } from '@urql/core'
import { describe, expect, it } from 'vitest'
import { createApp } from 'vue'
import { i18n } from '../i18n'
import { useFormMutation } from './useFormMutation'

type Data = { save: { userErrors: { field: string[] | null; code: string; message: string }[] } }

function withI18n<T>(setup: () => T): T {
  let result!: T
  const app = createApp({ setup: () => ((result = setup()), () => null) })
  app.use(i18n).mount(document.createElement('div'))
  return result
}

const answer = (data?: Data, error?: CombinedError) => () => Promise.resolve({ data, error } as OperationResult<Data>)

describe('useFormMutation', () => {
  it('returns the payload when the mutation succeeded', async () => {
    const form = withI18n(() => useFormMutation(['name']))
    const payload = await form.submit(answer({ save: { userErrors: [] } }), (d) => d.save)
    expect(payload).toEqual({ userErrors: [] })
    expect(form.saving.value).toBe(false)
  })

  it('puts userErrors on their fields and returns null', async () => {
    const form = withI18n(() => useFormMutation(['name']))
    const payload = await form.submit(
      answer({ save: { userErrors: [{ field: ['input', 'name'], code: 'TOO_LONG', message: '名称过长' }] } }),
      (d) => d.save,
    )
    expect(payload).toBeNull()
    expect(form.fieldError('name')).toBe('名称过长')
  })

  it('turns a request-level failure into one sentence, never the raw error', async () => {
    const form = withI18n(() => useFormMutation(['name']))
    const error = new CombinedError({ graphQLErrors: [{ message: '无权执行此操作', extensions: { code: 'FORBIDDEN' } }] })
    expect(await form.submit(answer(undefined, error), (d) => d.save)).toBeNull()
    expect(form.failure.value).toBe('无权执行此操作')
    expect(await form.submit(answer(undefined, new CombinedError({ networkError: new Error('offline') })), (d) => d.save)).toBeNull()
    expect(form.failure.value).toBe(i18n.global.t('common.networkError'))
  })
})
