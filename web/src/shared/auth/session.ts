/** The signed-in session: tokens (kept in this browser), the viewer (`me`), silent renewal, sign-out. */
import type { Client, CombinedError } from '@urql/core'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  ChangePasswordDocument,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  RefreshTokenDocument,
  SwitchParkDocument,
} from '@/features/tenancy/documents'
import type { ApiScope, MeQuery } from '../graphql/generated/graphql'
import { createAnonymousClient, createSessionClient, sessionFetch, type AuthFailure, type SessionHooks } from '../graphql/client'
import { allows, type Requirement } from '../permissions'
import type { UserErrorLike } from '../composables/useUserErrors'

export interface Tokens {
  accessToken: string
  refreshToken: string
  expiresAt: string
  /** When this browser got them (ms): the API ends a session whose refresh token goes unused for its idle limit. */
  renewedAt?: number
}

export type Viewer = MeQuery['me']
/** Why a session ended, shown on the sign-in page. */
export type EndReason = 'expired' | 'revoked' | 'signedOut' | 'idle'

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
  return accessToken && refreshToken && expiresAt ? { accessToken, refreshToken, expiresAt, renewedAt: Date.now() } : null
}

type TokensPayload = Parameters<typeof tokensOf>[0] & { userErrors?: readonly UserErrorLike[] }

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
    // Signed out (idle, another tab) while the renewal was out: that ending and its reason stand.
    if (!tokens.value) return null
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

  async function validAccessToken(): Promise<string | null> {
    const current = tokens.value
    if (!current) return null
    if (Date.parse(current.expiresAt) - Date.now() > RENEW_MARGIN_MS) return current.accessToken
    return renewOnce('expired')
  }

  const hooks: SessionHooks = {
    accessToken: validAccessToken,
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

  async function signOut(reason: EndReason = 'signedOut'): Promise<void> {
    const current = tokens.value
    // Ended here first, so no request still on its way can end it again for another reason.
    end(reason)
    if (current) await anonymous.mutation(LogoutDocument, { input: { refreshToken: current.refreshToken } }).toPromise()
  }

  /** Tokens from a mutation that starts a new session of this user (password changed, park switched). */
  async function adopt(answer: { data?: TokensPayload | null; error?: CombinedError }): Promise<SignInResult> {
    if (answer.error) return { userErrors: [], error: answer.error.graphQLErrors[0]?.message ?? answer.error.message }
    const next = answer.data ? tokensOf(answer.data) : null
    if (!next) return { userErrors: [...(answer.data?.userErrors ?? [])] }
    save(next)
    await loadViewer()
    return { userErrors: [] }
  }

  async function changePassword(currentPassword: string, newPassword: string): Promise<SignInResult> {
    const answer = await client.mutation(ChangePasswordDocument, { input: { currentPassword, newPassword } }).toPromise()
    return adopt({ data: answer.data?.changePassword, error: answer.error })
  }

  /** Moves this session to another park of the user's; the caller reloads the app, so no screen keeps old data. */
  async function switchPark(parkId: string): Promise<SignInResult> {
    // A token about to lapse is renewed first: the refresh token sent must be the live one.
    await validAccessToken()
    const current = tokens.value
    if (!current) return { userErrors: [] }
    const answer = await client.mutation(SwitchParkDocument, { input: { parkId, refreshToken: current.refreshToken } }).toPromise()
    return adopt({ data: answer.data?.switchPark, error: answer.error })
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
    /** A temporary password: the API allows nothing but its change. */
    mustChangePassword: computed(() => viewer.value?.mustChangePassword === true),
    can: (required: Requirement, mode: 'all' | 'any' = 'all') => allows(permissions.value, required, mode),
    loadViewer,
    signIn,
    signOut,
    changePassword,
    switchPark,
    /** Renews now (the person is active): the API's idle limit counts from the last renewal. */
    renewNow: () => renewOnce('expired'),
    end,
    whenEnded(handler: (reason: EndReason) => void) {
      onEnded = handler
    },
  }
})
