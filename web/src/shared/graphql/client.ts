/** The urql clients: one anonymous (sign-in, token refresh) and one that carries the session's token. */
import { Client, cacheExchange, fetchExchange, type CombinedError } from '@urql/core'
import { currentLocale } from '../i18n'
import { settings } from '../settings'

/** Why the API refused a credential (extensions.reason of a 401). */
export type AuthFailure = 'TOKEN_EXPIRED' | 'INVALID_CREDENTIALS' | 'UNKNOWN'

export interface SessionHooks {
  /** A valid access token (renewed first when it is about to expire), or null when signed out. */
  accessToken(): Promise<string | null>
  /** The API refused the token: renew it if possible and return the new one, or end the session (null). */
  refused(reason: AuthFailure): Promise<string | null>
}

function withHeaders(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers)
  headers.set('Accept-Language', currentLocale())
  if (token) headers.set('Authorization', `Bearer ${token}`)
  return { ...init, headers }
}

async function failureOf(response: Response): Promise<AuthFailure> {
  try {
    const body = (await response.clone().json()) as { errors?: { extensions?: { reason?: string } }[] }
    const reason = body.errors?.[0]?.extensions?.reason
    return reason === 'TOKEN_EXPIRED' || reason === 'INVALID_CREDENTIALS' ? reason : 'UNKNOWN'
  } catch {
    return 'UNKNOWN'
  }
}

/** fetch with the session's token; a 401 is answered once by renewing the token and sending again. */
export function sessionFetch(hooks: SessionHooks, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await base(input, withHeaders(init, await hooks.accessToken()))
    if (response.status !== 401) return response
    const renewed = await hooks.refused(await failureOf(response))
    return renewed ? base(input, withHeaders(init, renewed)) : response
  }
}

function client(fetchImpl: typeof fetch): Client {
  return new Client({
    url: settings.graphqlPath,
    // POST for every operation: urql's default GET puts whole documents and variables in the URL.
    preferGetMethod: false,
    exchanges: [cacheExchange, fetchExchange],
    fetch: fetchImpl,
    requestPolicy: 'cache-and-network',
  })
}

export function createAnonymousClient(): Client {
  return client((input, init) => fetch(input, withHeaders(init, null)))
}

export function createSessionClient(hooks: SessionHooks): Client {
  return client(sessionFetch(hooks))
}

/** A request-level error in words a person can act on; never the raw error object. */
export function describeError(error: CombinedError, networkMessage: string): string {
  if (error.networkError) return networkMessage
  return error.graphQLErrors.map((e) => e.message).join('；') || networkMessage
}

export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors[0]?.extensions?.code
  return typeof code === 'string' ? code : undefined
}
