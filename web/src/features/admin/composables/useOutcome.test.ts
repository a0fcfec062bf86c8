import { CombinedError, type OperationResult } from '@urql/core'
import { describe, expect, it } from 'vitest'
import { outcomeOf } from './useOutcome'

type Data = { revoke: { userErrors: { field: string[] | null; code: string; message: string }[] } }
const payload = (d: Data) => d.revoke
const answer = (data?: Data, error?: CombinedError) => ({ data, error }) as unknown as OperationResult<Data>

describe('outcomeOf', () => {
  it('is a success without userErrors', () => {
    expect(outcomeOf(answer({ revoke: { userErrors: [] } }), payload, '已撤销', 'offline')).toEqual({ type: 'success', text: '已撤销' })
  })

  it('says the userErrors in the server words', () => {
    const data = { revoke: { userErrors: [{ field: ['input', 'id'], code: 'LAST_PARK_ADMIN', message: '不能撤销园区最后一位管理员' }] } }
    expect(outcomeOf(answer(data), payload, 'ok', 'offline')).toEqual({ type: 'error', text: '不能撤销园区最后一位管理员' })
  })

  it('says a refused request or a network failure, never the raw error', () => {
    const forbidden = new CombinedError({ graphQLErrors: [{ message: '无权执行此操作', extensions: { code: 'FORBIDDEN' } }] })
    const offline = new CombinedError({ networkError: new Error('fetch failed') })

    expect(outcomeOf(answer(undefined, forbidden), payload, 'ok', 'offline')).toEqual({ type: 'error', text: '无权执行此操作' })
    expect(outcomeOf(answer(undefined, offline), payload, 'ok', 'offline')).toEqual({ type: 'error', text: 'offline' })
  })
})
