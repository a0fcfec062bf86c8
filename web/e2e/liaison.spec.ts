import { expect, test, type Page } from '@playwright/test'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

const OFFICER = 'liaison@changsha-hitech.dev'
const LITHIUM = '长沙远大锂电材料有限公司'

async function signIn(page: Page, email: string): Promise<void> {
  const signInPage = new SignInPage(page)
  await signInPage.open()
  await signInPage.signIn(email, DEMO_PASSWORD)
  await expect(page.getByTestId('sign-out')).toBeVisible()
}

test('LIAISON_OFFICER sees my enterprises and records a visit @phone', async ({ page }, testInfo) => {
  const notes = `了解企业用工需求，走访编号 ${Date.now() % 100000}`
  await signIn(page, OFFICER)
  if (testInfo.project.name === 'phone') await page.getByTestId('menu-toggle').click()
  await page.getByRole('menuitem', { name: '我联系的企业' }).last().click()

  const card = page.getByTestId('my-enterprise').filter({ hasText: LITHIUM })
  await expect(card).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'liaison-mine')

  await card.getByTestId('record-visit').click()
  const dialog = page.getByTestId('visit-dialog')
  await dialog.getByTestId('visit-notes').fill(notes)
  await dialog.getByTestId('visit-follow-ups').fill('一周内对接人社部门')
  await dialog.getByTestId('visit-save').click()

  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('visit-table').getByText(notes)).toBeVisible()
  await screenshot(page, testInfo, 'liaison-visit-logged')
})

test('an officer needs notes to record a visit: the API says so on the field', async ({ page }) => {
  await signIn(page, OFFICER)
  await page.goto('/liaison/mine')
  await page.getByTestId('my-enterprise').filter({ hasText: LITHIUM }).getByTestId('record-visit').click()
  const dialog = page.getByTestId('visit-dialog')
  await dialog.getByTestId('visit-save').click()
  await expect(dialog.locator('.el-form-item__error')).toBeVisible()
})

test('PARK_ADMIN sees assignments, the officer workload chart and the visit log', async ({ page }, testInfo) => {
  await signIn(page, PARK_ADMIN)
  await page.goto('/liaison')
  await expect(page.getByTestId('assignment-table').getByTestId('assignment-enterprise').filter({ hasText: LITHIUM })).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'liaison-assignments')

  await page.getByRole('tab', { name: '联络员工作量' }).click()
  await expect(page.getByTestId('workload-chart').locator('canvas')).toBeVisible()
  await expect(page.getByTestId('workload-table')).toContainText('刘洋')
  await expect(page).toHaveURL(/tab=workload/)
  await screenshot(page, testInfo, 'liaison-workload')

  await page.getByRole('tab', { name: '走访记录' }).click()
  await expect(page).toHaveURL(/tab=visits/)
  await expect(page.getByTestId('visit-table').or(page.getByTestId('query-empty')).first()).toBeVisible()
})

test('PARK_ADMIN assigns an officer and ends the assignment after confirming', async ({ page }) => {
  await signIn(page, PARK_ADMIN)
  await page.goto('/liaison')
  await page.getByTestId('assign-open').click()
  const dialog = page.getByTestId('assign-dialog')
  await dialog.getByTestId('assign-enterprise').click()
  await dialog.getByTestId('assign-enterprise').locator('input').fill('智造')
  await page.getByRole('option', { name: '湖南智造精工装备有限公司', exact: true }).click()
  await dialog.getByTestId('assign-officer').click()
  await page.getByRole('option', { name: /刘洋/ }).click()
  await page.getByTestId('assign-dialog').getByTestId('assign-kind').click()
  await page.getByRole('option', { name: '党建指导员', exact: true }).click()
  await dialog.getByTestId('assign-save').click()
  await expect(dialog).toBeHidden()

  const row = page.getByTestId('assignment-table').locator('tr', { hasText: '湖南智造精工装备有限公司' }).filter({ hasText: '党建指导员' })
  await expect(row).toBeVisible()
  await row.getByTestId('assignment-end').click()
  await page.getByTestId('end-dialog').getByTestId('end-confirm').click()
  await expect(page.getByTestId('end-dialog')).toBeHidden()
})
