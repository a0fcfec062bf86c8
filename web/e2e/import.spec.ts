import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { newCreditCode } from './creditCode'
import { DashboardPage } from './pages/DashboardPage'
import { EnterpriseImportPage } from './pages/EnterpriseImportPage'
import { EnterpriseListPage } from './pages/EnterpriseListPage'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

test.beforeEach(async ({ page }) => {
  const signIn = new SignInPage(page)
  await signIn.open()
  await signIn.signIn(PARK_ADMIN, DEMO_PASSWORD)
  await expect(new DashboardPage(page).root).toBeVisible()
})

test('the template downloads with the columns an import reads', async ({ page }) => {
  const imports = new EnterpriseImportPage(page)
  await imports.open()

  const download = page.waitForEvent('download')
  await page.getByTestId('template-csv').click()

  const file = await download
  expect(file.suggestedFilename()).toBe('enterprise-import-template.csv')
  expect((await readFile((await file.path())!)).toString('utf-8')).toContain('统一社会信用代码*')
})

test('an import with an error row shows the row\'s error and applies the good rows @phone', async ({ page }, testInfo) => {
  test.slow() // waits for the worker to run the import
  const list = new EnterpriseListPage(page)
  await page.goto('/enterprises')
  await list.expectLoaded()
  await list.importButton.click()
  const imports = new EnterpriseImportPage(page)
  await expect(imports.root).toBeVisible()
  const good = newCreditCode()
  const name = `导入测试企业${good.slice(-6)}`
  const csv = ['统一社会信用代码,企业名称,产业链,片区,职工人数,重点企业', `${good},${name},新材料,麓谷,12,否`, `9143010012345678XX,坏行企业${good.slice(-6)},,,3,否`].join('\n')

  await imports.upload(`企业导入-${good.slice(-6)}.csv`, csv)

  await imports.expectFinished('withErrors')
  await expect(imports.created).toHaveText('1')
  await expect(imports.errorCount).toHaveText('1')
  // Row 3 of the sheet (the header is row 1), its credit code column, and the server's reason.
  const row = imports.errorRow(3)
  await expect(row).toContainText('统一社会信用代码')
  await expect(row).toContainText('统一社会信用代码无效')
  await expect(page).toHaveURL(/import=/)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'enterprise-import-report')

  // The report stays where the URL points; the good row is in the register.
  await page.reload()
  await expect(imports.errorRow(3)).toBeVisible()
  await page.goto(`/enterprises?q=${encodeURIComponent(name)}`)
  await expect(list.links).toHaveText([name])
})

test('a file that is no spreadsheet is refused on the file field', async ({ page }) => {
  const imports = new EnterpriseImportPage(page)
  await imports.open()

  await imports.file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') })
  await imports.start.click()

  await expect(page.getByTestId('field-file').locator('.el-form-item__error')).toBeVisible()
})
