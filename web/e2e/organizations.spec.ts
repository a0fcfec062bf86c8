import { expect, test } from '@playwright/test'
import { idCard } from './idCard'
import { OrganizationDetailPage, OrganizationListPage, choose } from './pages/OrganizationPages'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

const CHAIN_STAFF = 'newmaterials@changsha-hitech.dev'
const LITHIUM = '长沙远大锂电材料有限公司'

async function signIn(page: import('@playwright/test').Page, email: string): Promise<void> {
  const signInPage = new SignInPage(page)
  await signInPage.open()
  await signInPage.signIn(email, DEMO_PASSWORD)
  await expect(page.getByTestId('sign-out')).toBeVisible()
}

test('CHAIN_STAFF creates an organisation, registers three members, forms it and sets its secretary', async ({ page }, testInfo) => {
  // A long flow on a shared two-core machine: each step waits on the real API and worker.
  test.setTimeout(180_000)
  const run = Date.now() % 100000
  const name = `长沙远大锂电材料有限公司党支部${run}`
  await signIn(page, CHAIN_STAFF)
  const list = new OrganizationListPage(page)
  await list.open()
  await expect(list.links.first()).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'organization-list')

  await list.create.click()
  const dialog = page.getByTestId('organization-form')
  await dialog.getByTestId('organization-name').fill(name)
  await choose(page, dialog.getByTestId('organization-chain'), '新材料')
  await dialog.getByTestId('organization-enterprises').click()
  await dialog.getByTestId('organization-enterprises').locator('input').fill('锂电')
  await page.getByRole('option', { name: LITHIUM, exact: true }).click()
  await dialog.getByTestId('organization-save').click()

  const detail = new OrganizationDetailPage(page)
  await expect(detail.name).toHaveText(name)
  await expect(detail.status).toHaveText('组建中')

  // Forming needs three full members: the API says so on the dialog until they are there.
  await detail.form()
  await expect(page.getByTestId('lifecycle-form').getByTestId('form-error')).toBeVisible()
  await page.getByTestId('lifecycle-form').getByRole('button', { name: '取消' }).click()

  const names = ['周立', '吴敏', '郑涛'].map((n) => `${n}${run}`)
  for (const [i, member] of names.entries()) await detail.addMember(member, idCard(run * 10 + i, '430104', '19880202'))
  await detail.form()
  await expect(detail.status).toHaveText('已成立')

  await detail.setSecretary(names[0]!)
  await expect(detail.secretary).toHaveText(names[0]!)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'organization-detail')
})

test('the list filters by chain, kind and status from the URL, and the tree sets them @phone', async ({ page }, testInfo) => {
  await signIn(page, PARK_ADMIN)
  await page.goto('/organizations?status=FORMED&kind=BRANCH')
  const list = new OrganizationListPage(page)
  await expect(list.links.filter({ hasText: '湖南博翔新材料科技有限公司党支部' })).toBeVisible()
  for (const status of await page.getByTestId('organization-table').getByTestId('organization-status').allTextContents()) {
    expect(status).toBe('已成立')
  }
  await screenshot(page, testInfo, 'organization-list-filtered')
  if (testInfo.project.name === 'desktop') {
    await list.tree.getByText('新材料', { exact: true }).click()
    await expect(page).toHaveURL(/chain=/)
  }
})

test('a user without registry:manage sees no organisation actions', async ({ page }) => {
  await signIn(page, 'auditor@changsha-hitech.dev')
  const list = new OrganizationListPage(page)
  await list.open()
  await expect(list.links.first()).toBeVisible()
  await expect(list.create).toBeHidden()
  await list.links.filter({ hasText: '湖南博翔新材料科技有限公司党支部' }).click()
  await expect(new OrganizationDetailPage(page).name).toBeVisible()
  await expect(page.getByTestId('organization-actions')).toBeHidden()
})
