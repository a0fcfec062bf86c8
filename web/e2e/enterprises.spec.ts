import { expect, test } from '@playwright/test'
import { AppShell } from './pages/AppShell'
import { DashboardPage } from './pages/DashboardPage'
import { EnterpriseDetailPage } from './pages/EnterpriseDetailPage'
import { EnterpriseListPage } from './pages/EnterpriseListPage'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

// The small demo park (services/demo/): about two hundred enterprises; the specs find the five named ones
// by name and compare counts with what the dashboard shows, not with fixed numbers.
const LITHIUM = '长沙远大锂电材料有限公司'

test.beforeEach(async ({ page }) => {
  const signIn = new SignInPage(page)
  await signIn.open()
  await signIn.signIn(PARK_ADMIN, DEMO_PASSWORD)
  await expect(new DashboardPage(page).root).toBeVisible()
})

test('PARK_ADMIN: dashboard, enterprise list, Chinese search, detail @phone', async ({ page }, testInfo) => {
  // Three pages, each checked by axe and photographed full-page, with the demo's full pages of rows.
  test.slow()
  const dashboard = new DashboardPage(page)
  const shell = new AppShell(page)
  await dashboard.expectLoaded()
  await expect(shell.park).toHaveText('长沙高新区党工委')
  await expect(shell.user).toContainText('王敏')
  const enterprises = await dashboard.value('enterprises')
  expect(enterprises).toBeGreaterThan(100)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'dashboard')

  await dashboard.figure('enterprises').click()

  const list = new EnterpriseListPage(page)
  await list.expectLoaded()
  await expect(list.total).toContainText(String(enterprises))
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'enterprise-list')

  await list.searchFor('锂电')

  await expect(list.links).toHaveCount(1)
  expect(await list.names()).toEqual([LITHIUM])
  await expect(list.total).toContainText('1')
  await expect(page).toHaveURL(/q=%E9%94%82%E7%94%B5/)

  await list.open(LITHIUM)

  const detail = new EnterpriseDetailPage(page)
  await expect(detail.name).toHaveText(LITHIUM)
  await expect(detail.creditCode).toHaveText(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'enterprise-detail')

  await detail.back.click()
  await list.expectLoaded()
})

test('a dashboard figure opens the list filtered to it', async ({ page }) => {
  const dashboard = new DashboardPage(page)
  await dashboard.expectLoaded()
  const keys = await dashboard.value('key')

  await dashboard.figure('key').click()

  const list = new EnterpriseListPage(page)
  await expect(page).toHaveURL(/\/enterprises\?key=yes$/)
  await expect(list.total).toContainText(String(keys))
})

test('filters narrow the list and live in the URL', async ({ page }) => {
  const list = new EnterpriseListPage(page)
  await page.goto('/enterprises')
  await list.expectLoaded()
  const all = await list.totalCount()

  await list.chooseFilter('filter-key', '是')

  await expect(page).toHaveURL(/key=yes/)
  await expect.poll(() => list.totalCount()).toBeLessThan(all)
  const keys = await list.totalCount()

  await page.reload()

  await expect(list.total).toContainText(String(keys))
  await page.getByTestId('filter-reset').click()
  await expect.poll(() => list.totalCount()).toBe(all)
})

test('a search that matches nothing shows the empty state', async ({ page }) => {
  const list = new EnterpriseListPage(page)
  await page.goto('/enterprises')
  await list.expectLoaded()

  await list.searchFor('不存在的企业名称')

  await expect(page.getByTestId('query-empty')).toBeVisible()
  await expect(list.total).toContainText('0')
})

test('an enterprise outside the park is not found, not an error', async ({ page }) => {
  await page.goto('/enterprises/RW50ZXJwcmlzZTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA=')

  await expect(page.getByTestId('enterprise-not-found')).toBeVisible()
})

test('a network failure offers a retry that recovers', async ({ page }) => {
  const list = new EnterpriseListPage(page)
  await page.goto('/enterprises')
  await list.expectLoaded()
  await page.route('**/graphql', (route) => route.abort('connectionrefused'))

  await list.searchFor('博翔')

  await expect(page.getByTestId('query-error')).toBeVisible()
  await page.unroute('**/graphql')
  await page.getByTestId('query-retry').click()
  await expect(list.links).toHaveCount(1)
})
