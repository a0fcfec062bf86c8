import { expect, test } from '@playwright/test'
import { AppShell } from './pages/AppShell'
import { DashboardPage } from './pages/DashboardPage'
import { EnterpriseListPage } from './pages/EnterpriseListPage'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

test('the sign-in page is accessible @phone', async ({ page }, testInfo) => {
  const signIn = new SignInPage(page)
  await signIn.open()

  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'sign-in')
})

test('a wrong password shows the error and stays on sign-in @phone', async ({ page }, testInfo) => {
  const signIn = new SignInPage(page)
  await signIn.open()

  await signIn.signIn(PARK_ADMIN, 'not-the-password')

  // The API names the password as the field at fault: the message is shown on it.
  await expect(signIn.passwordError).toBeVisible()
  await expect(signIn.error).toHaveCount(0)
  await expect(page).toHaveURL(/\/sign-in/)
  expect(await page.evaluate(() => localStorage.getItem('redchain.session'))).toBeNull()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'sign-in-error')
})

test('the language switch turns the app and the server messages to English', async ({ page }) => {
  const signIn = new SignInPage(page)
  await signIn.open()
  const zhLabel = await signIn.submit.textContent()

  await signIn.switchLanguage('English')
  await signIn.signIn(PARK_ADMIN, 'not-the-password')

  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(signIn.submit).not.toHaveText(zhLabel ?? '')
  // The message comes from the API, which answers in the language the app asks for.
  await expect(signIn.passwordError).toHaveText(/[A-Za-z]/)
  await expect(signIn.passwordError).not.toHaveText(/[\u4e00-\u9fff]/)
})

test('a deep link without a session asks to sign in, then opens where it pointed', async ({ page }) => {
  await page.goto('/enterprises?key=yes')
  const signIn = new SignInPage(page)
  await expect(page).toHaveURL(/\/sign-in\?redirect=/)

  await signIn.signIn(PARK_ADMIN, DEMO_PASSWORD)

  await expect(page).toHaveURL(/\/enterprises\?key=yes$/)
  await new EnterpriseListPage(page).expectLoaded()
})

test('signing out ends the session and says so', async ({ page }) => {
  const signIn = new SignInPage(page)
  await signIn.open()
  await signIn.signIn(PARK_ADMIN, DEMO_PASSWORD)
  await new DashboardPage(page).expectLoaded()

  await new AppShell(page).signOut.click()

  await expect(page).toHaveURL(/\/sign-in\?reason=signedOut/)
  await expect(signIn.reason).toBeVisible()
  await page.goto('/enterprises')
  await expect(page).toHaveURL(/\/sign-in/)
})

test('the first page loads at most 500 KB of JavaScript, gzipped', async ({ page }, testInfo) => {
  const scripts = new Set<string>()
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.add(request.url())
  })

  await new SignInPage(page).open()
  await page.waitForLoadState('networkidle')

  // What a browser that accepts gzip receives: the server states each answer's length on the wire.
  const sizes = await Promise.all(
    [...scripts].map(async (url) => {
      const response = await page.request.get(url, { headers: { 'Accept-Encoding': 'gzip' } })
      return Number(response.headers()['content-length'])
    }),
  )
  const total = sizes.reduce((a, b) => a + b, 0)
  await testInfo.attach('initial-js', { body: `${scripts.size} scripts, ${(total / 1024).toFixed(1)} KB gzipped`, contentType: 'text/plain' })
  console.log(`initial JavaScript: ${scripts.size} scripts, ${(total / 1024).toFixed(1)} KB gzipped`)
  expect(sizes.every((n) => n > 0)).toBe(true)
  expect(total).toBeLessThanOrEqual(500 * 1024)
})
