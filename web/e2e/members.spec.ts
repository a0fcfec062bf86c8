import { expect, test, type Page } from '@playwright/test'
import { idCard } from './idCard'
import { choose, searchAndChoose } from './pages/OrganizationPages'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

const BRANCH = '湖南博翔新材料科技有限公司党支部'

async function signIn(page: Page, email: string): Promise<void> {
  const signInPage = new SignInPage(page)
  await signInPage.open()
  await signInPage.signIn(email, DEMO_PASSWORD)
  await expect(page.getByTestId('sign-out')).toBeVisible()
}

test('PARK_ADMIN registers a member and transfers it to another organisation; an auditor sees its phone masked', async ({ page }, testInfo) => {
  // A long flow on a shared two-core machine: each step waits on the real API and worker.
  test.setTimeout(180_000)
  const run = Date.now() % 100000
  const target = `园区机关联合党支部${run}`
  const name = `陈晓${run}`
  await signIn(page, PARK_ADMIN)

  // The organisation to transfer into: a general branch needs no enterprise.
  await page.goto('/organizations')
  await page.getByTestId('organization-create').click()
  const orgForm = page.getByTestId('organization-form')
  await orgForm.getByTestId('organization-name').fill(target)
  await choose(page, orgForm.getByTestId('organization-kind'), '党总支')
  await orgForm.getByTestId('organization-save').click()
  await expect(page.getByTestId('organization-name')).toHaveText(target)

  await page.goto('/members')
  await expect(page.getByTestId('member-table')).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'member-list')
  await page.getByTestId('member-create').click()
  const form = page.getByTestId('member-form')
  await form.getByTestId('member-name').fill(name)
  await form.getByTestId('member-id-card-input').fill(idCard(run, '430105', '19920303'))
  await searchAndChoose(page, form.getByTestId('member-organization'), '博翔', BRANCH)
  await form.getByTestId('member-phone-input').fill('13912345678')
  await form.getByTestId('member-save').click()

  await expect(page.getByTestId('member-name')).toHaveText(name)
  await expect(page.getByTestId('member-phone')).toHaveText('13912345678')
  await expect(page.getByTestId('member-id-card')).toContainText('*')
  await page.getByTestId('action-transfer').click()
  const transfer = page.getByTestId('transfer-dialog')
  await expect(transfer.getByTestId('transfer-from')).toHaveText(BRANCH)
  await searchAndChoose(page, transfer.getByTestId('transfer-to'), target)
  await transfer.getByTestId('transfer-reason').fill('工作调动')
  await transfer.getByTestId('transfer-confirm').click()

  await expect(page.getByTestId('member-organization')).toHaveText(target)
  const move = page.getByTestId('member-transfer').first()
  await expect(move).toContainText(BRANCH)
  await expect(move).toContainText(target)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'member-detail')

  await page.getByTestId('sign-out').click()
  await signIn(page, 'auditor@changsha-hitech.dev')
  await page.goto(`/members?q=${encodeURIComponent(name)}`)
  const row = page.getByTestId('member-table').locator('tr', { hasText: name })
  await expect(row.getByTestId('member-phone')).toContainText('*')
  await expect(row.getByTestId('member-phone')).not.toContainText('13912345678')
  await expect(row.getByTestId('member-phone').getByTestId('mask-hint')).toBeVisible()
  await expect(page.getByTestId('member-create')).toBeHidden()
})

test('floating members are grouped by inflow area @phone', async ({ page }, testInfo) => {
  // A long flow on a shared two-core machine: each step waits on the real API and worker.
  test.setTimeout(180_000)
  const run = Date.now() % 100000
  const area = `天心区${run}`
  await signIn(page, PARK_ADMIN)
  await page.goto('/members')
  await page.getByTestId('member-create').click()
  const form = page.getByTestId('member-form')
  await form.getByTestId('member-name').fill(`流动${run}`)
  await form.getByTestId('member-id-card-input').fill(idCard(run, '430111', '19950505'))
  await form.getByTestId('member-floating').click()
  await form.getByTestId('member-inflow-area').fill(area)
  await form.getByTestId('member-save').click()
  await expect(page.getByTestId('member-name')).toHaveText(`流动${run}`)

  await page.goto(`/members?tab=floating&area=${encodeURIComponent(area)}`)
  const floating = page.getByTestId('floating-members')
  await expect(floating.getByTestId('floating-area').filter({ hasText: area })).toBeVisible()
  await expect(floating.getByTestId('member-link').filter({ hasText: `流动${run}` })).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'members-floating')
})
