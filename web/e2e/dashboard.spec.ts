import { expect, test } from '@playwright/test'
import { Api, CHAIN_STAFF } from './api'
import { DashboardPage } from './pages/DashboardPage'
import { EnterpriseListPage } from './pages/EnterpriseListPage'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

// The demo park grows (services/demo/): every figure is compared with what the API answers the same person.
const COVERAGE = `query($chain: ID) { coverage(chainId: $chain, listLimit: 0) {
  chain { id name } enterpriseCount coveredEnterpriseCount keyEnterpriseCount unreachedKeyEnterpriseCount formedOrganizationCount memberCount } }`
const FUNDS = `{ submitted: fundApplications(first: 1, status: SUBMITTED) { totalCount }
  paying: fundApplications(first: 1, status: PAYING) { totalCount } fundPrograms { totalCount } }`
const OVERDUE = '{ tickets(first: 1, filter: { overdue: true }) { totalCount } }'
const MY_CHAIN = '{ memberships(role: CHAIN_STAFF, first: 1) { nodes { chainId } } }'

type Coverage = {
  coverage: {
    chain: { id: string; name: string } | null
    enterpriseCount: number
    coveredEnterpriseCount: number
    keyEnterpriseCount: number
    unreachedKeyEnterpriseCount: number
    formedOrganizationCount: number
    memberCount: number
  }
}
type Count = { totalCount: number }

async function signIn(page: import('@playwright/test').Page, email: string): Promise<DashboardPage> {
  const signInPage = new SignInPage(page)
  await signInPage.open()
  await signInPage.signIn(email, DEMO_PASSWORD)
  const dashboard = new DashboardPage(page)
  await dashboard.expectLoaded()
  return dashboard
}

test('PARK_ADMIN: the park’s coverage, tickets and funds, as the API counts them @phone', async ({ page, request }, testInfo) => {
  test.slow() // axe and full-page screenshots of a long page on a shared machine
  const api = await Api.as(request, PARK_ADMIN)
  const { coverage } = await api.gql<Coverage>(COVERAGE)
  const funds = await api.gql<{ submitted: Count; paying: Count; fundPrograms: Count }>(FUNDS)
  const overdue = await api.gql<{ tickets: Count }>(OVERDUE)

  const dashboard = await signIn(page, PARK_ADMIN)

  await expect(dashboard.park).toBeVisible()
  await expect(dashboard.chain).toHaveCount(0)
  expect(await dashboard.value('enterprises')).toBe(coverage.enterpriseCount)
  expect(await dashboard.value('uncovered')).toBe(coverage.enterpriseCount - coverage.coveredEnterpriseCount)
  expect(await dashboard.value('key')).toBe(coverage.keyEnterpriseCount)
  expect(await dashboard.value('unreached')).toBe(coverage.unreachedKeyEnterpriseCount)
  expect(await dashboard.value('organizations')).toBe(coverage.formedOrganizationCount)
  expect(await dashboard.value('members')).toBe(coverage.memberCount)
  await expect(dashboard.chainRows).toHaveCount(6)
  await expect(dashboard.figure('tickets-overdue').getByTestId('figure-value')).toHaveText(String(overdue.tickets.totalCount))
  await expect(dashboard.figure('funds-submitted').getByTestId('figure-value')).toHaveText(String(funds.submitted.totalCount))
  await expect(dashboard.figure('funds-paying').getByTestId('figure-value')).toHaveText(String(funds.paying.totalCount))
  await expect(dashboard.programs).toHaveCount(funds.fundPrograms.totalCount)
  await expect(dashboard.programs.first().getByTestId('fund-program-left')).toContainText('¥')
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'dashboard')
})

test('CHAIN_STAFF: the dashboard says which chain, and counts only that chain @phone', async ({ page, request }, testInfo) => {
  test.slow()
  const api = await Api.as(request, CHAIN_STAFF)
  const mine = await api.gql<{ memberships: { nodes: { chainId: string }[] } }>(MY_CHAIN)
  const { coverage } = await api.gql<Coverage>(COVERAGE, { chain: mine.memberships.nodes[0]!.chainId })
  const park = (await (await Api.as(request, PARK_ADMIN)).gql<Coverage>(COVERAGE)).coverage

  const dashboard = await signIn(page, CHAIN_STAFF)

  await expect(dashboard.chain).toContainText('新材料')
  expect(coverage.chain?.name).toBe('新材料')
  expect(await dashboard.value('enterprises')).toBe(coverage.enterpriseCount)
  expect(coverage.enterpriseCount).toBeLessThan(park.enterpriseCount)
  expect(await dashboard.value('key')).toBe(coverage.keyEnterpriseCount)
  await expect(dashboard.chainRows).toHaveCount(0) // one chain: no comparison of chains
  await expect(dashboard.tickets).toBeVisible()
  await expect(dashboard.funds).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'dashboard-chain-staff')

  await dashboard.figure('enterprises').click()

  const list = new EnterpriseListPage(page)
  await list.expectLoaded()
  await expect(page).toHaveURL(new RegExp(`chain=${encodeURIComponent(coverage.chain!.id)}`))
  await expect(list.total).toContainText(String(coverage.enterpriseCount))
})

test('a figure opens the list filtered to it', async ({ page }) => {
  const dashboard = await signIn(page, PARK_ADMIN)
  const uncovered = await dashboard.value('uncovered')

  await dashboard.figure('uncovered').click()

  const list = new EnterpriseListPage(page)
  await expect(page).toHaveURL(/\/enterprises\?covered=no$/)
  await list.expectLoaded()
  await expect(list.total).toContainText(String(uncovered))
})

test('a network failure on a panel offers a retry that recovers', async ({ page }) => {
  const dashboard = await signIn(page, PARK_ADMIN)
  await page.route('**/graphql*', async (route) => {
    const body = route.request().postData() ?? route.request().url()
    return body.includes('FundFigures') ? route.abort('connectionrefused') : route.fallback()
  })

  await page.reload()

  await expect(dashboard.funds.getByTestId('query-error')).toBeVisible()
  await expect(dashboard.figure('enterprises')).toBeVisible() // the other panels load on their own
  await page.unroute('**/graphql*')
  await dashboard.funds.getByTestId('query-retry').click()
  await expect(dashboard.figure('funds-submitted')).toBeVisible()
})
