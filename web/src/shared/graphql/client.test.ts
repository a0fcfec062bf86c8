import { describe, expect, it } from 'vitest'
import { sessionFetch, type AuthFailure, type SessionHooks } from './client'

/** The API's answers, in order; each request is recorded with the token it carried. */
function api(...answers: Response[]) {
  const sent: (string | null)[] = []
  const base: typeof fetch = async (_input, init) => {
    sent.push(new Headers(init?.headers).get('Authorization'))
    const answer = answers.shift()
    if (!answer) throw new Error('no answer left')
    return answer
  }
  return { base, sent }
}

const refusal = (reason: string) =>
  new Response(JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED', reason } }] }), {
    status: 401,
    headers: { 'Content-Type': 'application/json' },
  })
const ok = () => new Response('{"data":{}}', { status: 200, headers: { 'Content-Type': 'application/json' } })

function hooks(token: string | null, renewed: string | null) {
  const refusals: AuthFailure[] = []
  const value: SessionHooks = {
    accessToken: async () => token,
    refused: async (reason) => {
      refusals.push(reason)
      return renewed
    },
  }
  return { value, refusals }
}

describe('sessionFetch', () => {
  it('sends the access token', async () => {
    const { base, sent } = api(ok())
    const session = hooks('t1', null)

    const response = await sessionFetch(session.value, base)('/graphql', { method: 'POST' })

    expect(response.status).toBe(200)
    expect(sent).toEqual(['Bearer t1'])
    expect(session.refusals).toEqual([])
  })

  it('renews an expired token once and sends the request again', async () => {
    const { base, sent } = api(refusal('TOKEN_EXPIRED'), ok())
    const session = hooks('old', 'new')

    const response = await sessionFetch(session.value, base)('/graphql', { method: 'POST' })

    expect(response.status).toBe(200)
    expect(sent).toEqual(['Bearer old', 'Bearer new'])
    expect(session.refusals).toEqual(['TOKEN_EXPIRED'])
  })

  it('passes the refusal on when the session cannot be renewed', async () => {
    const { base, sent } = api(refusal('INVALID_CREDENTIALS'))
    const session = hooks('revoked', null)

    const response = await sessionFetch(session.value, base)('/graphql', { method: 'POST' })

    expect(response.status).toBe(401)
    expect(sent).toEqual(['Bearer revoked'])
    expect(session.refusals).toEqual(['INVALID_CREDENTIALS'])
  })

  it('does not loop when the renewed token is refused too', async () => {
    const { base, sent } = api(refusal('TOKEN_EXPIRED'), refusal('TOKEN_EXPIRED'))
    const session = hooks('old', 'new')

    const response = await sessionFetch(session.value, base)('/graphql', { method: 'POST' })

    expect(response.status).toBe(401)
    expect(sent).toHaveLength(2)
  })

  it('sends no Authorization header without a session and reads an unknown refusal as UNKNOWN', async () => {
    const { base, sent } = api(new Response('not json', { status: 401 }))
    const session = hooks(null, null)

    await sessionFetch(session.value, base)('/graphql', { method: 'POST' })

    expect(sent).toEqual([null])
    expect(session.refusals).toEqual(['UNKNOWN'])
  })
})
