import { readFileSync } from 'node:fs'
import { expect, test, type Page } from '@playwright/test'
import { SignInPage } from './pages/SignInPage'
import { callAs, raiseTicketAsContact } from './pages/TicketApi'
import { TicketDetailPage } from './pages/TicketDetailPage'
import { TicketQueuePage } from './pages/TicketQueuePage'
import { TicketStatsPage } from './pages/TicketStatsPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

// services/demo.py: the 新材料 chain's staff member is its secretary; 博翔新材料 is in that chain.
const CHAIN_STAFF = 'newmaterials@changsha-hitech.dev'
const CHAIN_STAFF_NAME = '新材料产业链党委书记 周建'
const AUDITOR = 'auditor@changsha-hitech.dev'
const FINANCE = 'finance@changsha-hitech.dev'
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'binary')

const unique = (what: string) => `${what} ${Date.now().toString(36)}`

async function signIn(page: Page, email: string): Promise<void> {
  const signInPage = new SignInPage(page)
  await signInPage.open()
  await signInPage.signIn(email, DEMO_PASSWORD)
  await expect(page).not.toHaveURL(/sign-in/)
}

test('CHAIN_STAFF works a ticket from the queue to RESOLVED, with an internal note and an attachment', async ({ page, request }, testInfo) => {
  // A dozen round trips and two accessibility scans: longer than the default on a shared machine.
  test.setTimeout(180_000)
  const ticket = await raiseTicketAsContact(request, unique('用电增容审批缓慢'))
  await signIn(page, CHAIN_STAFF)
  const queue = new TicketQueuePage(page)
  await queue.open()
  await queue.expectLoaded()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'tickets-queue')

  await queue.searchFor(ticket.title)
  await expect(queue.links).toHaveCount(1)
  await expect(page).toHaveURL(/q=/)
  await expect(queue.rows.first().getByTestId('ticket-priority')).toBeVisible()
  await queue.openTicket(ticket.title)

  const detail = new TicketDetailPage(page)
  await expect(detail.title).toHaveText(ticket.title)
  await detail.expectStatus('NEW')
  // A NEW ticket offers exactly what the workflow allows its handler: accept, reject, mark duplicate.
  await expect(detail.action('ACCEPT')).toBeVisible()
  await expect(detail.action('RESOLVE')).toHaveCount(0)
  await detail.take('ACCEPT')
  await detail.expectStatus('ACCEPTED')

  await detail.assignTo(CHAIN_STAFF_NAME)
  await expect(detail.assignee).toHaveText(CHAIN_STAFF_NAME)
  await detail.take('START')
  await detail.expectStatus('IN_PROGRESS')

  await detail.write('已联系供电公司营销部，约定本周五现场勘查。', true)
  await expect(detail.internalEntries.filter({ hasText: '约定本周五现场勘查' })).toBeVisible()
  await detail.write('您好，我们已与供电公司对接，将尽快安排现场勘查。', false)
  await expect(detail.publicEntries.filter({ hasText: '尽快安排现场勘查' })).toBeVisible()

  await detail.upload({ name: '勘查记录.pdf', mimeType: 'application/pdf', buffer: PDF })
  await expect(detail.attachmentNames.filter({ hasText: '勘查记录.pdf' })).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByTestId('ticket-attachment-download').first().click()
  expect((await download).suggestedFilename()).toBe('勘查记录.pdf')

  // A resolution needs its result: the server's REQUIRED error lands on the field.
  await detail.action('RESOLVE').click()
  await page.getByTestId('ticket-action-submit').click()
  await expect(page.getByTestId('ticket-action-dialog').locator('.el-form-item__error')).toBeVisible()
  await page.getByTestId('ticket-action-text').fill('供电公司已完成增容审批，新线路下周通电。')
  await page.getByTestId('ticket-action-submit').click()
  await detail.expectStatus('RESOLVED')
  await expect(detail.publicEntries.filter({ hasText: '新线路下周通电' })).toBeVisible()
  await expect(page.getByTestId('ticket-not-rated')).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'tickets-detail')

  // Mine: the tickets assigned to the viewer.
  await queue.open('?view=mine&status=RESOLVED')
  await expect(queue.link(ticket.title)).toBeVisible()
})

test('filters come from a deep link and the empty state says so', async ({ page, request }) => {
  const ticket = await raiseTicketAsContact(request, unique('人才招聘需求'), 'NORMAL')
  await signIn(page, CHAIN_STAFF)
  const queue = new TicketQueuePage(page)

  await queue.open(`?status=NEW&q=${encodeURIComponent(ticket.title)}`)
  await expect(queue.links).toHaveCount(1)
  await expect(queue.total).toContainText('1')

  await queue.open(`?status=CLOSED&q=${encodeURIComponent(ticket.title)}`)
  await expect(page.getByTestId('query-empty')).toBeVisible()
})

test('the secretary decides an extension another handler asked for', async ({ page, request }) => {
  const ticket = await raiseTicketAsContact(request, unique('融资对接延期'), 'NORMAL')
  await callAs(request, PARK_ADMIN, 'mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { userErrors { code } } }', {
    input: { id: ticket.id, action: 'ACCEPT' },
  })
  await callAs(request, PARK_ADMIN, 'mutation($input: RequestTicketExtensionInput!) { requestTicketExtension(input: $input) { userErrors { code } } }', {
    input: { ticketId: ticket.id, extraHours: 8, reason: '需等待银行授信审批结果' },
  })
  await signIn(page, CHAIN_STAFF)
  await page.goto(`/tickets/${ticket.id}`)
  const detail = new TicketDetailPage(page)
  await expect(detail.title).toHaveText(ticket.title)
  const extension = page.getByTestId('ticket-extension')
  await expect(extension.getByTestId('ticket-extension-status')).toHaveText('待审批')

  await extension.getByTestId('ticket-extension-note').fill('同意，请抓紧对接')
  await extension.getByTestId('ticket-extension-approve').click()

  await expect(extension.getByTestId('ticket-extension-status')).toHaveText('已批准')
  await expect(detail.internalEntries.filter({ hasText: '同意，请抓紧对接' })).toBeVisible()
})

test('the statistics render with their charts and export the period as CSV', async ({ page, request }, testInfo) => {
  await raiseTicketAsContact(request, unique('统计用诉求'))
  await signIn(page, CHAIN_STAFF)
  await page.goto('/tickets/stats')
  const stats = new TicketStatsPage(page)
  await expect(stats.headline).toBeVisible()
  await expect(stats.chart('status').locator('canvas')).toBeVisible()
  await expect(stats.chart('chain').locator('canvas')).toBeVisible()
  await expect(page).toHaveURL(/from=\d{4}-01-01&to=/)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'tickets-stats')

  const download = page.waitForEvent('download')
  await stats.exportCsv.click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^tickets-.*\.csv$/)
  const text = readFileSync((await file.path())!, 'utf-8')
  expect(text).toContain('编号 ID')
  expect(text).toContain('统计用诉求')
})

test('AUDITOR reads tickets but is offered no action', async ({ page, request }) => {
  const ticket = await raiseTicketAsContact(request, unique('审计只读'))
  await signIn(page, AUDITOR)
  await page.goto(`/tickets/${ticket.id}`)
  const detail = new TicketDetailPage(page)
  await expect(detail.title).toHaveText(ticket.title)
  await expect(detail.timeline).toBeVisible()

  await expect(detail.actions.getByRole('button')).toHaveCount(0)
  await expect(page.getByTestId('composer-body')).toHaveCount(0)
  await expect(page.getByTestId('ticket-upload')).toHaveCount(0)
})

test('FINANCE_OFFICER has no tickets menu and no tickets screen', async ({ page }) => {
  await signIn(page, FINANCE)
  await expect(page.getByTestId('side-menu')).toBeVisible()
  await expect(page.getByTestId('side-menu').getByText('企业诉求')).toHaveCount(0)

  await page.goto('/tickets')

  await expect(page).toHaveURL(/forbidden/)
})

test('a ticket of another park or outside the scope is not found', async ({ page }) => {
  await signIn(page, CHAIN_STAFF)
  await page.goto('/tickets/VGlja2V0OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA==')
  await expect(new TicketDetailPage(page).notFound).toBeVisible()
})

test('a network failure on the queue offers a retry that recovers', async ({ page, request }) => {
  const ticket = await raiseTicketAsContact(request, unique('网络重试'))
  await signIn(page, CHAIN_STAFF)
  const queue = new TicketQueuePage(page)
  await queue.open()
  await queue.expectLoaded()
  await page.route('**/graphql', (route) => route.abort('connectionrefused'))

  await queue.searchFor(ticket.title)

  await expect(page.getByTestId('query-error')).toBeVisible()
  await page.unroute('**/graphql')
  await page.getByTestId('query-retry').click()
  await expect(queue.links).toHaveCount(1)
})

test('the queue and a ticket on a phone @phone', async ({ page, request }, testInfo) => {
  const ticket = await raiseTicketAsContact(request, unique('手机查看诉求'))
  await signIn(page, CHAIN_STAFF)
  const queue = new TicketQueuePage(page)
  await queue.open(`?q=${encodeURIComponent(ticket.title)}`)
  await expect(queue.links).toHaveCount(1)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'tickets-queue')

  await queue.openTicket(ticket.title)
  const detail = new TicketDetailPage(page)
  await expect(detail.title).toHaveText(ticket.title)
  await expect(detail.action('ACCEPT')).toBeVisible()
  await screenshot(page, testInfo, 'tickets-detail')
})
