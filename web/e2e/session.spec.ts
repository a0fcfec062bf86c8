import { expect, test, type Page } from '@playwright/test'
import { DashboardPage } from './pages/DashboardPage'
import { EnterpriseListPage } from './pages/EnterpriseListPage'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN } from './support'

interface StoredSession {
  accessToken: string
  refreshToken: string
  expiresAt: string
}

async function signedIn(page: Page): Promise<StoredSession> {
  const signIn = new SignInPage(page)
  await signIn.open()
  await signIn.signIn(PARK_ADMIN, DEMO_PASSWORD)
  await new DashboardPage(page).expectLoaded()
  return JSON.parse((await page.evaluate(() => localStorage.getItem('redchain.session'))) ?? 'null') as StoredSession
}

async function store(page: Page, session: StoredSession): Promise<void> {
  await page.evaluate((value) => localStorage.setItem('redchain.session', JSON.stringify(value)), session)
}

test('an access token about to expire is renewed silently', async ({ page }) => {
  const before = await signedIn(page)
  await store(page, { ...before, expiresAt: new Date(Date.now() + 5_000).toISOString() })

  await page.goto('/enterprises')

  const list = new EnterpriseListPage(page)
  await list.expectLoaded()
  const after = JSON.parse((await page.evaluate(() => localStorage.getItem('redchain.session'))) ?? 'null') as StoredSession
  expect(after.refreshToken).not.toBe(before.refreshToken)
  expect(Date.parse(after.expiresAt)).toBeGreaterThan(Date.now() + 60_000)
})

test('a session ended elsewhere lands on sign-in with the reason', async ({ page, request }) => {
  const session = await signedIn(page)
  // Signed out on another device: the refresh token is revoked, and this token is no longer accepted.
  const logout = await request.post('/graphql', {
    data: {
      query: 'mutation($input: RefreshTokenInput!) { logout(input: $input) { ok } }',
      variables: { input: { refreshToken: session.refreshToken } },
    },
  })
  expect((await logout.json()) as unknown).toEqual({ data: { logout: { ok: true } } })
  await store(page, { ...session, accessToken: 'not-a-valid-token' })

  await page.goto('/enterprises')

  const signIn = new SignInPage(page)
  await expect(page).toHaveURL(/\/sign-in\?.*reason=revoked/)
  await expect(signIn.reason).toBeVisible()
  expect(await page.evaluate(() => localStorage.getItem('redchain.session'))).toBeNull()
})

test('an expired session whose renewal is refused lands on sign-in as expired', async ({ page, request }) => {
  const session = await signedIn(page)
  await request.post('/graphql', {
    data: {
      query: 'mutation($input: RefreshTokenInput!) { logout(input: $input) { ok } }',
      variables: { input: { refreshToken: session.refreshToken } },
    },
  })
  await store(page, { ...session, expiresAt: new Date(Date.now() - 1_000).toISOString() })

  await page.goto('/enterprises')

  await expect(page).toHaveURL(/\/sign-in\?.*reason=expired/)
  await expect(new SignInPage(page).reason).toBeVisible()
})
