import { expect, test, type Page } from '@playwright/test'
import { NEW_PASSWORD, apiSignIn, changeTemporaryPassword, gql, grantInDemoPark, parkWithAdmin, uniqueEmail } from './accounts'
import { AppShell } from './pages/AppShell'
import { ChangePasswordPage } from './pages/ChangePasswordPage'
import { DashboardPage } from './pages/DashboardPage'
import { EnterpriseListPage } from './pages/EnterpriseListPage'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

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

test('a temporary password is changed first, then the app opens where it was going @phone', async ({ page, request }, testInfo) => {
  test.slow() // it sets up its own accounts through the API first
  const email = uniqueEmail('temp')
  const temporary = await grantInDemoPark(request, email, '新同事 赵六')
  expect(temporary).toBeTruthy()
  await page.goto('/enterprises?key=yes')
  await new SignInPage(page).signIn(email, temporary!)

  const change = new ChangePasswordPage(page)
  await expect(page).toHaveURL(/\/change-password\?redirect=/)
  await change.expectShown()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'change-password')

  // The API's policy refuses a weak password: its message is shown on the new password's field.
  await change.change(temporary!, 'weakpass')
  await expect(change.nextError).toBeVisible()
  await expect(page).toHaveURL(/\/change-password/)
  // The two new passwords must agree before anything is sent.
  await change.change(temporary!, NEW_PASSWORD, `${NEW_PASSWORD}x`)
  await expect(change.confirmError).toBeVisible()
  await change.change('not-the-temporary-one', NEW_PASSWORD)
  await expect(change.currentError).toBeVisible()

  await change.change(temporary!, NEW_PASSWORD)

  await expect(page).toHaveURL(/\/enterprises\?key=yes$/)
  await new EnterpriseListPage(page).expectLoaded()
  await expect(new AppShell(page).user).toContainText('新同事 赵六')
})

test('idle: a warning a minute before, "stay signed in" keeps the session, then sign-out says why', async ({ page }, testInfo) => {
  test.slow() // it sets up its own accounts through the API first
  // The page's own clock, moved on by the test: the idle limit is the API's (30 minutes here).
  await page.clock.install()
  await signedIn(page)
  const shell = new AppShell(page)

  await page.clock.fastForward('29:05')

  await expect(shell.idleWarning).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'idle-warning')
  const before = JSON.parse((await page.evaluate(() => localStorage.getItem('redchain.session'))) ?? 'null') as StoredSession
  await shell.idleStay.click()
  await expect(shell.idleWarning).toBeHidden()
  // Staying renews the session at the API, whose idle clock counts from the last renewal.
  await expect.poll(async () => JSON.parse((await page.evaluate(() => localStorage.getItem('redchain.session'))) ?? '{}').refreshToken).not.toBe(before.refreshToken)
  await new DashboardPage(page).expectLoaded()

  await page.clock.fastForward('30:05')

  await expect(page).toHaveURL(/\/sign-in\?.*reason=idle/)
  await expect(new SignInPage(page).reason).toContainText('30')
  expect(await page.evaluate(() => localStorage.getItem('redchain.session'))).toBeNull()
})

test('a person with roles in two parks switches park from the header, with no new sign-in', async ({ page, request }, testInfo) => {
  test.slow() // it sets up its own accounts through the API first
  const email = uniqueEmail('twoparks')
  const temporary = await grantInDemoPark(request, email, '两园区 钱七')
  await changeTemporaryPassword(request, email, temporary!)
  const otherPark = `湘江新区党工委 ${Date.now().toString(36)}`
  await parkWithAdmin(request, otherPark, email)
  const signIn = new SignInPage(page)
  await signIn.open()
  await signIn.signIn(email, NEW_PASSWORD)
  await page.getByTestId('park-select').click()
  await page.getByRole('option', { name: '长沙高新区党工委' }).click()
  await page.getByTestId('park-enter').click()
  const shell = new AppShell(page)
  await expect(shell.park).toHaveText('长沙高新区党工委')
  await expect(shell.user).toContainText(/审计|AUDITOR/)
  const before = JSON.parse((await page.evaluate(() => localStorage.getItem('redchain.session'))) ?? 'null') as StoredSession

  await shell.parkSwitcher.click()
  await expect(shell.parkOptions).toHaveCount(2)
  await screenshot(page, testInfo, 'park-switcher')
  await shell.parkOptions.filter({ hasText: otherPark }).click()

  await expect(shell.park).toHaveText(otherPark)
  // The roles of the other park (its PARK_ADMIN), and the old session is over.
  await expect(shell.user).toContainText(/园区管理员|PARK_ADMIN/)
  const after = JSON.parse((await page.evaluate(() => localStorage.getItem('redchain.session'))) ?? 'null') as StoredSession
  expect(after.refreshToken).not.toBe(before.refreshToken)
  const old = await request.post('/graphql', {
    data: { query: 'mutation($t: String!) { refreshToken(input: {refreshToken: $t}) { accessToken } }', variables: { t: before.refreshToken } },
  })
  expect(((await old.json()) as { data: { refreshToken: { accessToken: string | null } } }).data.refreshToken.accessToken).toBeNull()

  await page.reload()
  await expect(shell.park).toHaveText(otherPark)
})

test('a user whose role is revoked is sent to sign-in', async ({ page, request }) => {
  test.slow() // it sets up its own accounts through the API first
  const email = uniqueEmail('revoked')
  const temporary = await grantInDemoPark(request, email, '将离任 孙八')
  await changeTemporaryPassword(request, email, temporary!)
  const signIn = new SignInPage(page)
  await signIn.open()
  await signIn.signIn(email, NEW_PASSWORD)
  await new EnterpriseListPage(page).root.or(new DashboardPage(page).root).waitFor()
  const admin = await apiSignIn(request, PARK_ADMIN)
  const memberships = await gql<{ memberships: { nodes: { id: string; user: { email: string } }[] } }>(
    request,
    '{ memberships(first: 100) { nodes { id user { email } } } }',
    {},
    admin.accessToken,
  )
  const membership = memberships.memberships.nodes.find((m) => m.user.email === email)
  expect(membership).toBeTruthy()

  await gql(request, 'mutation($id: ID!) { revokeMembership(input: {id: $id}) { userErrors { code } } }', { id: membership!.id }, admin.accessToken)
  await page.goto('/enterprises')

  await expect(page).toHaveURL(/\/sign-in\?.*reason=revoked/)
  await expect(signIn.reason).toBeVisible()
})
