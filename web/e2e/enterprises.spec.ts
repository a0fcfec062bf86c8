import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { AppShell } from './pages/AppShell'
import { DashboardPage } from './pages/DashboardPage'
import { newCreditCode, withBadCheckCharacter } from './creditCode'
import { EnterpriseDetailPage, type EnterpriseTab } from './pages/EnterpriseDetailPage'
import { EnterpriseFormDialog } from './pages/EnterpriseFormDialog'
import { EnterpriseListPage } from './pages/EnterpriseListPage'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

// From the demo park (services/demo.py); the tests find things by name, never by counts.
const LITHIUM = '长沙远大锂电材料有限公司'
// 博翔 has a formed branch with members, a liaison officer, tickets and a fund application.
const BOXIANG = '湖南博翔新材料科技有限公司'

test.beforeEach(async ({ page }) => {
  const signIn = new SignInPage(page)
  await signIn.open()
  await signIn.signIn(PARK_ADMIN, DEMO_PASSWORD)
  await expect(new DashboardPage(page).root).toBeVisible()
})

test('PARK_ADMIN: dashboard, enterprise list, Chinese search, detail @phone', async ({ page }, testInfo) => {
  // Two accessibility scans and full-page screenshots: slow on a shared machine.
  test.slow()
  const dashboard = new DashboardPage(page)
  const shell = new AppShell(page)
  await dashboard.expectLoaded()
  await expect(shell.park).toHaveText('长沙高新区党工委')
  await expect(shell.user).toContainText('王敏')
  await expect(dashboard.figure('enterprises')).toContainText(/\d/)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'dashboard')

  await dashboard.figure('enterprises').click()

  const list = new EnterpriseListPage(page)
  await list.expectLoaded()
  await expect(list.total).toContainText(/[1-9]/)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'enterprise-list')

  await list.searchFor('锂电')

  await expect(list.links.filter({ hasText: LITHIUM })).toHaveCount(1)
  await expect.poll(async () => (await list.names()).every((name) => name.includes('锂电'))).toBe(true)
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

  await dashboard.figure('key').click()

  const list = new EnterpriseListPage(page)
  await expect(page).toHaveURL(/\/enterprises\?key=yes$/)
  await list.expectLoaded()
  await expect(list.keyTags).toHaveCount(await list.links.count())
})

test('filters narrow the list and live in the URL', async ({ page }) => {
  const list = new EnterpriseListPage(page)
  await page.goto('/enterprises')
  await list.expectLoaded()
  const everyone = await list.totalCount()

  await list.chooseFilter('filter-key', '是')

  await expect(page).toHaveURL(/key=yes/)
  await expect.poll(() => list.totalCount()).toBeLessThan(everyone)
  await expect(list.keyTags).toHaveCount(await list.links.count())

  await page.reload()
  await list.expectLoaded()

  await expect(list.keyTags).toHaveCount(await list.links.count())
  await page.getByTestId('filter-reset').click()
  await expect.poll(() => list.totalCount()).toBe(everyone)
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
  await expect(list.links.filter({ hasText: '博翔' }).first()).toBeVisible()
})

test('every tab of the detail page shows its list or says it is empty', async ({ page }, testInfo) => {
  test.slow() // many steps, each a round trip; the shared machine is slow
  const list = new EnterpriseListPage(page)
  await page.goto('/enterprises')
  await list.searchFor('博翔')
  await list.open(BOXIANG)
  const detail = new EnterpriseDetailPage(page)
  await expect(detail.name).toHaveText(BOXIANG)

  const lists: Record<Exclude<EnterpriseTab, 'profile'>, string> = {
    organizations: 'enterprise-organizations',
    members: 'enterprise-members',
    liaison: 'enterprise-visits',
    tickets: 'enterprise-tickets',
    funds: 'enterprise-fund-applications',
    history: 'enterprise-history',
  }
  for (const [tab, testId] of Object.entries(lists) as [EnterpriseTab, string][]) {
    await detail.show(tab)
    const pane = detail.pane(tab)
    await expect(pane.getByTestId(testId).or(pane.getByTestId('query-empty')).first()).toBeVisible()
    await expect(pane.getByTestId('query-error')).toHaveCount(0)
    // The open tab is in the URL, so a reload (or a shared link) opens it again.
    if (tab !== 'organizations') await expect(page).toHaveURL(new RegExp(`tab=${tab}`))
  }
  await detail.show('members')
  await expect(detail.pane('members').getByTestId('enterprise-members')).toBeVisible()
  // ID-card numbers are never shown whole.
  await expect(detail.pane('members').locator('td.mono').first()).toContainText('*')
  await screenshot(page, testInfo, 'enterprise-detail-members')
  await detail.show('history')
  await expect(detail.pane('history').getByTestId('history-entry').first()).toBeVisible()
  await expectAccessible(page, testInfo)

  await page.reload()
  await expect(detail.pane('history').getByTestId('history-entry').first()).toBeVisible()
})

test('create with a bad credit code shows the error on its field, then a good one; edit; archive and restore', async ({ page }, testInfo) => {
  test.slow() // many steps, each a round trip; the shared machine is slow
  const list = new EnterpriseListPage(page)
  await page.goto('/enterprises')
  await list.expectLoaded()
  const code = newCreditCode()
  const name = `测试登记企业${code.slice(-6)}`

  await list.create.click()
  const form = new EnterpriseFormDialog(page)
  await form.fill({ creditCode: withBadCheckCharacter(code), name, area: '麓谷', employeeCount: 42 })
  await form.save.click()

  await expect(form.fieldError('creditCode')).toContainText('校验码')
  await expect(form.root).toBeVisible()
  await screenshot(page, testInfo, 'enterprise-form-error')

  await form.input('creditCode').fill(code)
  await form.save.click()

  const detail = new EnterpriseDetailPage(page)
  await expect(detail.name).toHaveText(name)
  await expect(detail.creditCode).toHaveText(code)
  await expect(detail.area).toHaveText('麓谷')

  await detail.edit.click()
  await expect(form.input('name')).toHaveValue(name)
  await form.fill({ area: '岳麓' })
  await form.save.click()

  await expect(form.root).toBeHidden()
  await expect(detail.area).toHaveText('岳麓')
  await detail.show('history')
  await expect(detail.pane('history').getByTestId('history-entry')).toHaveCount(2)
  await expect(detail.pane('history')).toContainText('岳麓')

  await detail.toggleArchived()
  await expect(detail.archived).toBeVisible()
  await expect(detail.edit).toHaveCount(0)
  await detail.toggleArchived()
  await expect(detail.archived).toHaveCount(0)
  await expect(detail.edit).toBeVisible()
})

test('the filtered list exports as a spreadsheet', async ({ page }) => {
  const list = new EnterpriseListPage(page)
  await page.goto('/enterprises?key=yes')
  await list.expectLoaded()

  const xlsx = await list.export('xlsx')
  const csv = await list.export('csv')

  expect(xlsx.suggestedFilename()).toMatch(/^enterprises-\d{8}\.xlsx$/)
  const text = (await readFile((await csv.path())!)).toString('utf-8')
  const names = await list.names()
  for (const name of names) expect(text).toContain(name)
  // Only the key enterprises listed: one header line, one line per listed enterprise.
  expect(text.trim().split('\n')).toHaveLength(Number((await list.total.textContent())?.match(/\d+/)?.[0]) + 1)
})

test('the columns a person hides stay hidden after a reload', async ({ page }) => {
  const list = new EnterpriseListPage(page)
  await page.goto('/enterprises')
  await list.expectLoaded()
  await expect(list.header('统一社会信用代码')).toHaveCount(1)

  await list.setColumn('creditCode', false)

  await expect(list.header('统一社会信用代码')).toHaveCount(0)
  await page.reload()
  await list.expectLoaded()
  await expect(list.header('统一社会信用代码')).toHaveCount(0)
  await list.setColumn('creditCode', true)
  await expect(list.header('统一社会信用代码')).toHaveCount(1)
})
