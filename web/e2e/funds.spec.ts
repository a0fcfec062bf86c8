import { expect, test, type Page } from '@playwright/test'
import { AppShell } from './pages/AppShell'
import { FundApplicationPage } from './pages/FundApplicationPage'
import { AUDITOR, CHAIN_STAFF, DECLINED_ACCOUNT, FINANCE, FundApi, unique } from './pages/FundApi'
import { FundBatchPage, FundBatchesPage } from './pages/FundBatchPages'
import { FundInboxPage } from './pages/FundInboxPage'
import { FundProgramsPage } from './pages/FundProgramsPage'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

// Each test signs in as several people in turn and waits for the treasury: more than the default minute
// on a shared two-core machine.
test.describe.configure({ timeout: 180_000 })

async function signInAs(page: Page, email: string): Promise<void> {
  await page.context().clearCookies()
  await page.goto('/sign-in')
  await page.evaluate(() => localStorage.clear())
  const signIn = new SignInPage(page)
  await signIn.open()
  await signIn.signIn(email, DEMO_PASSWORD)
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'))
}

test('chain review, park approval, and finance pays the batch until PAID', async ({ page, request }, testInfo) => {
  test.setTimeout(300_000) // three people in turn, and the treasury's answers
  const api = new FundApi(request)
  const programName = unique('党员活动经费')
  const program = await api.createProgram(programName)
  const applicationId = await api.submittedApplication(program.id)
  const inbox = new FundInboxPage(page)

  // CHAIN_STAFF: the application waits in 待我审批; returning it needs a remark, the server says so on the field.
  await signInAs(page, CHAIN_STAFF)
  await inbox.open()
  await expect(inbox.stage).toContainText('行业党委审核')
  await expect(inbox.row(programName)).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'fund-inbox')
  await inbox.startReview(programName)
  await inbox.decide('RETURN')
  await expect(inbox.reasonError()).toBeVisible()
  await expect(inbox.dialog).toBeVisible()
  await inbox.decide('APPROVE', '材料齐全，同意上报')
  await expect(inbox.dialog).toBeHidden()
  await expect(inbox.row(programName)).toHaveCount(0)
  await inbox.showTab('done')
  await expect(inbox.row(programName)).toBeVisible()
  await expect(page).toHaveURL(/tab=done/)

  // PARK_ADMIN approves at the park stage; the detail shows each step with its remark.
  await signInAs(page, PARK_ADMIN)
  await inbox.open()
  await expect(inbox.stage).toContainText('园区党工委审批')
  await inbox.startReview(programName)
  await inbox.decide('APPROVE', '同意拨付')
  await expect(inbox.row(programName)).toHaveCount(0)
  const detail = new FundApplicationPage(page)
  await detail.open(applicationId)
  await expect(detail.organization).toBeVisible()
  await expect(detail.status).toHaveAttribute('data-status', 'PARK_APPROVED')
  await expect(detail.step('CHAIN_APPROVE')).toBeVisible()
  await expect(detail.step('PARK_APPROVE')).toBeVisible()
  await expect(detail.stepReasons).toContainText(['材料齐全，同意上报', '同意拨付'])
  await expect(detail.documents).toContainText('党支部活动计划.pdf')
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'fund-application')

  // FINANCE_OFFICER builds a batch of it, executes it and watches the payment reach PAID.
  await signInAs(page, FINANCE)
  const batches = new FundBatchesPage(page)
  await batches.open()
  const batchName = unique('e2e 支付批次')
  await batches.build(batchName, programName)
  const batch = new FundBatchPage(page)
  await expect(batch.title).toHaveText(batchName)
  await expect(batch.status).toHaveAttribute('data-status', 'DRAFT')
  await batch.executeConfirmed()
  await expect(batch.status).toHaveAttribute('data-status', 'EXECUTED')
  await batch.expectSettled()
  await expect(batch.paid).toContainText('1')
  await expect(batch.root.getByTestId('fund-status')).toHaveAttribute('data-status', 'PAID')
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'fund-batch')

  await batches.open()
  await expect(batches.root.getByTestId('batch-link').filter({ hasText: batchName })).toBeVisible()
  await screenshot(page, testInfo, 'fund-batches')
})

test('a declined payment shows FAILED with its reason and what to do', async ({ page, request }) => {
  const api = new FundApi(request)
  const program = await api.createProgram(unique('阵地建设补助'))
  const application = await api.approvedApplication(program.id, DECLINED_ACCOUNT)
  const batchId = await api.draftBatch(unique('e2e 失败批次'), [application])

  await signInAs(page, FINANCE)
  const batch = new FundBatchPage(page)
  await batch.open(batchId)
  await batch.executeConfirmed()
  await batch.expectSettled()

  await expect(batch.failed).toContainText('1')
  await expect(batch.paymentErrors).toContainText('ACCOUNT_CLOSED')
  await expect(batch.failedHelp).toBeVisible()
  await expect(batch.root.getByTestId('fund-status')).toHaveAttribute('data-status', 'FAILED')
})

test('who may not pay sees no execute button, and a role without batches is refused at the URL', async ({ page, request }) => {
  const api = new FundApi(request)
  const program = await api.createProgram(unique('书记津贴'))
  const batchId = await api.draftBatch(unique('e2e 待执行批次'), [await api.approvedApplication(program.id)])
  const batch = new FundBatchPage(page)

  await signInAs(page, PARK_ADMIN) // reads batches (funds:report), may not pay them
  await batch.open(batchId)
  await expect(batch.status).toHaveAttribute('data-status', 'DRAFT')
  await expect(batch.export).toBeVisible()
  await expect(batch.execute).toBeHidden()
  await expect(batch.discard).toBeHidden()

  await signInAs(page, AUDITOR)
  await batch.open(batchId)
  await expect(batch.title).toBeVisible()
  await expect(batch.execute).toBeHidden()

  await signInAs(page, CHAIN_STAFF)
  await batch.open(batchId)
  await expect(page.getByTestId('status-forbidden')).toBeVisible()
  await expect(new AppShell(page).menu.getByTestId('menu-fund-batches')).toHaveCount(0)
})

test('PARK_ADMIN creates a program; its budget shows committed and left in yuan @phone', async ({ page }, testInfo) => {
  await signInAs(page, PARK_ADMIN)
  const programs = new FundProgramsPage(page)
  await programs.open()
  await programs.create.click()
  await expect(programs.dialog).toBeVisible()
  const name = unique('党费返还')
  await programs.dialog.getByTestId('program-name').fill(name)
  await programs.dialog.getByTestId('program-kind').click()
  await page.getByRole('option', { name: '党费返还' }).click()
  await programs.dialog.getByTestId('program-year').locator('input').fill(String(2030 + Math.floor(Math.random() * 70)))
  await programs.dialog.getByTestId('program-budget').fill('abc')
  await programs.save.click()
  await expect(programs.fieldError('program-budget')).toContainText('金额')

  await programs.dialog.getByTestId('program-budget').fill('200000.50')
  await programs.dialog.getByTestId('program-min').fill('3000')
  await programs.dialog.getByTestId('program-max').fill('1000')
  await programs.dialog.getByTestId('program-default').fill('2000')
  await programs.save.click()
  // A minimum above the maximum: the server's userError lands on the amount rule.
  await expect(programs.fieldError('program-min')).toBeVisible()
  await expect(programs.fieldError('program-budget')).toHaveCount(0)
  await programs.dialog.getByTestId('program-min').fill('1000')
  await programs.dialog.getByTestId('program-max').fill('3000')
  await programs.save.click()

  await expect(programs.dialog).toBeHidden()
  const row = programs.row(name)
  await expect(row.getByTestId('program-budget-total')).toHaveText('¥200,000.50')
  await expect(row.getByTestId('program-available')).toHaveText('¥200,000.50')
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'fund-programs')
})

test('the application list filters by status in the URL, and the ledger sums the park @phone', async ({ page }, testInfo) => {
  await signInAs(page, PARK_ADMIN)
  await page.goto('/funds/applications?status=SUBMITTED')
  const list = page.getByTestId('fund-applications')
  await expect(list).toBeVisible()
  const statuses = list.getByTestId('fund-status')
  await expect(statuses.first()).toBeVisible()
  for (const status of await statuses.all()) await expect(status).toHaveAttribute('data-status', 'SUBMITTED')
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'fund-applications')

  await page.goto('/funds/ledger')
  await expect(page.getByTestId('fund-ledger')).toBeVisible()
  await expect(page.getByTestId('ledger-total-RESERVE').or(page.getByTestId('query-empty'))).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'fund-ledger')
})
