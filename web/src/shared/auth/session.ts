/** The signed-in session: tokens (kept in this browser), the viewer (`me`), silent renewal, sign-out. */
import type { Client } from '@urql/core'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { LoginDocument, LogoutDocument, MeDocument, RefreshTokenDocument } from '@/features/tenancy/documents'
import type { ApiScope, MeQuery } from '../graphql/generated/graphql'
import { createAnonymousClient, createSessionClient, sessionFetch, type AuthFailure, type SessionHooks } from '../graphql/client'
import { allows, type Requirement } from '../permissions'
import type { UserErrorLike } from '../composables/useUserErrors'

export interface Tokens {
  accessToken: string
  refreshToken: string
  expiresAt: string
}

export type Viewer = MeQuery['me']
/** Why a session ended, shown on the sign-in page. */
export type EndReason = 'expired' | 'revoked' | 'signedOut'

const STORAGE_KEY = 'redchain.session'
// Renew this long before the access token expires, so no request is sent with a token about to lapse.
const RENEW_MARGIN_MS = 60_000

function storedTokens(): Tokens | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')
    const t = value as Partial<Tokens> | null
    return t && typeof t.accessToken === 'string' && typeof t.refreshToken === 'string' && typeof t.expiresAt === 'string'
      ? (t as Tokens)
      : null
  } catch {
    return null
  }
}

function tokensOf(payload: { accessToken?: string | null; refreshToken?: string | null; expiresAt?: string | null }): Tokens | null {
  const { accessToken, refreshToken, expiresAt } = payload
  return accessToken && refreshToken && expiresAt ? { accessToken, refreshToken, expiresAt } : null
}

/** A refresh token works once: tabs of one browser take turns, or a replayed token would end every session. */
async function exclusively<T>(work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks
  return locks ? locks.request('redchain.session.renew', work) : work()
}

export interface SignInResult {
  userErrors: UserErrorLike[]
  /** A request-level refusal (e.g. RATE_LIMITED), in the server's words. */
  error?: string
}

export const useSession = defineStore('session', () => {
  const tokens = ref<Tokens | null>(storedTokens())
  const viewer = ref<Viewer | null>(null)
  const endedReason = ref<EndReason | null>(null)
  let renewing: Promise<string | null> | null = null
  let onEnded: (reason: EndReason) => void = () => {}

  const anonymous = createAnonymousClient()

  function save(next: Tokens | null): void {
    tokens.value = next
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
    else localStorage.removeItem(STORAGE_KEY)
  }

  function end(reason: EndReason): void {
    save(null)
    viewer.value = null
    endedReason.value = reason
    onEnded(reason)
  }

  /** A new access token, or null after ending the session for `failure` when the API refuses to renew. */
  async function renew(failure: EndReason): Promise<string | null> {
    const current = tokens.value
    if (!current) return null
    const result = await exclusively(async () => {
      // Another tab may have renewed while this one waited: its tokens are the live ones.
      const stored = storedTokens()
      if (stored && stored.refreshToken !== current.refreshToken) return stored
      const answer = await anonymous
        .mutation(RefreshTokenDocument, { input: { refreshToken: current.refreshToken } })
        .toPromise()
      return answer.data ? tokensOf(answer.data.refreshToken) : undefined
    })
    if (result === undefined) return current.accessToken // no answer (network): keep the session, retry later
    if (result === null) {
      end(failure)
      return null
    }
    save(result)
    return result.accessToken
  }

  function renewOnce(failure: EndReason): Promise<string | null> {
    renewing ??= renew(failure).finally(() => {
      renewing = null
    })
    return renewing
  }

  const hooks: SessionHooks = {
    async accessToken() {
      const current = tokens.value
      if (!current) return null
      if (Date.parse(current.expiresAt) - Date.now() > RENEW_MARGIN_MS) return current.accessToken
      return renewOnce('expired')
    },
    refused(reason: AuthFailure) {
      if (!tokens.value) return Promise.resolve(null)
      // An expired token is renewed; one the API no longer accepts (session or role revoked) too, and
      // whether that works tells whether any session is left.
      return renewOnce(reason === 'TOKEN_EXPIRED' ? 'expired' : 'revoked')
    },
  }
  const client: Client = createSessionClient(hooks)

  async function loadViewer(): Promise<Viewer | null> {
    const answer = await client.query(MeDocument, {}, { requestPolicy: 'network-only' }).toPromise()
    if (answer.data) viewer.value = answer.data.me
    return viewer.value
  }

  async function signIn(email: string, password: string, parkId?: string): Promise<SignInResult> {
    const answer = await anonymous.mutation(LoginDocument, { input: { email, password, parkId } }).toPromise()
    if (answer.error) return { userErrors: [], error: answer.error.graphQLErrors[0]?.message ?? answer.error.message }
    const payload = answer.data?.login
    const next = payload ? tokensOf(payload) : null
    if (!payload || !next) return { userErrors: payload?.userErrors ?? [] }
    save(next)
    endedReason.value = null
    await loadViewer()
    return { userErrors: [] }
  }

  async function signOut(): Promise<void> {
    const current = tokens.value
    if (current) await anonymous.mutation(LogoutDocument, { input: { refreshToken: current.refreshToken } }).toPromise()
    end('signedOut')
  }

  // Another tab signed in, renewed or signed out: follow it.
  globalThis.addEventListener?.('storage', (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return
    const next = storedTokens()
    if (next) tokens.value = next
    else if (tokens.value) end('signedOut')
  })

  const permissions = computed<readonly ApiScope[]>(() => viewer.value?.permissions ?? [])

  return {
    tokens,
    viewer,
    endedReason,
    client,
    /** fetch with the session's token, for what is not GraphQL (file downloads). */
    authorizedFetch: sessionFetch(hooks),
    permissions,
    signedIn: computed(() => tokens.value !== null),
    can: (required: Requirement, mode: 'all' | 'any' = 'all') => allows(permissions.value, required, mode),
    loadViewer,
    signIn,
    signOut,
    end,
    whenEnded(handler: (reason: EndReason) => void) {
      onEnded = handler
    },
  }
})
