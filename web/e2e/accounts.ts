/** Accounts for the session and notification tests, set up over GraphQL as a park's staff would: new people
 * (with temporary passwords), a second park, so a test creates what it changes (the demo park is shared). */
import { expect, type APIRequestContext } from '@playwright/test'
import { DEMO_PASSWORD, PARK_ADMIN } from './support'

export const PLATFORM_ADMIN = 'platform@redchain.dev'
/** What a new account's password becomes once its temporary one is changed. */
export const NEW_PASSWORD = 'Fresh-Password-2026'

export interface ApiSession {
  accessToken: string
  refreshToken: string
  expiresAt: string
  park: { id: string; name: string } | null
}

type Json = Record<string, unknown>

export async function gql<T = Json>(request: APIRequestContext, query: string, variables: Json = {}, token?: string): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  const body = (await response.json()) as { data?: T; errors?: unknown[] }
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
  return body.data as T
}

export async function apiSignIn(request: APIRequestContext, email: string, password = DEMO_PASSWORD, parkId?: string): Promise<ApiSession> {
  const data = await gql<{ login: ApiSession & { userErrors: unknown[] } }>(
    request,
    `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken expiresAt park { id name } userErrors { code } } }`,
    { input: { email, password, parkId } },
  )
  expect(data.login.userErrors).toEqual([])
  return data.login
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@e2e.example.cn`
}

/** A new person with a role in the demo park, given by its PARK_ADMIN; their password is temporary. */
export async function grantInDemoPark(request: APIRequestContext, email: string, displayName: string, role = 'AUDITOR'): Promise<string | null> {
  const admin = await apiSignIn(request, PARK_ADMIN)
  const data = await gql<{ grantMembership: { temporaryPassword: string | null; membership: { id: string } | null; userErrors: unknown[] } }>(
    request,
    `mutation($input: GrantMembershipInput!) { grantMembership(input: $input) { temporaryPassword membership { id } userErrors { field code } } }`,
    { input: { email, displayName, role } },
    admin.accessToken,
  )
  expect(data.grantMembership.userErrors).toEqual([])
  return data.grantMembership.temporaryPassword
}

/** Changes a temporary password to NEW_PASSWORD, as the person would at first sign-in. */
export async function changeTemporaryPassword(request: APIRequestContext, email: string, temporary: string): Promise<void> {
  const session = await apiSignIn(request, email, temporary)
  const data = await gql<{ changePassword: { userErrors: unknown[] } }>(
    request,
    `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { userErrors { field code } } }`,
    { input: { currentPassword: temporary, newPassword: NEW_PASSWORD } },
    session.accessToken,
  )
  expect(data.changePassword.userErrors).toEqual([])
}

/** A new park (by the platform admin) whose first PARK_ADMIN is `email`. */
export async function parkWithAdmin(request: APIRequestContext, name: string, email: string): Promise<string> {
  const platform = await apiSignIn(request, PLATFORM_ADMIN)
  const code = `e2e-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`
  const created = await gql<{ createPark: { park: { id: string } } }>(
    request,
    `mutation($input: CreateParkInput!) { createPark(input: $input) { park { id } userErrors { code } } }`,
    { input: { code, name } },
    platform.accessToken,
  )
  const parkId = created.createPark.park.id
  await gql(
    request,
    `mutation($input: InviteParkAdminInput!) { inviteParkAdmin(input: $input) { userErrors { code } } }`,
    { input: { parkId, email, displayName: email.split('@')[0], password: NEW_PASSWORD } },
    platform.accessToken,
  )
  return parkId
}

export async function unreadCount(request: APIRequestContext, session: ApiSession): Promise<number> {
  return (await gql<{ unreadNotificationCount: number }>(request, '{ unreadNotificationCount }', {}, session.accessToken)).unreadNotificationCount
}
