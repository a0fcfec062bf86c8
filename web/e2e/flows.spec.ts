import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test'
import { Api, CHAIN_STAFF, CONTACT, FINANCE } from './api'
import { PortalFundFormPage, PortalFundPage, PortalHomePage, PortalRaiseTicketPage, PortalTicketPage } from './pages/PortalPages'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot as fullPage } from './support'

// The cross-role flows of the issue: the enterprise contact in the portal on a phone, park staff on the other
// side. Staff steps go through the API until the staff screens (features/tickets, features/funds) are on main;
// each such step is marked STAFF-API below.
const unique = (what: string) => `${what} ${Date.now().toString(36)}`
// Several parties and a treasury on a shared two-core machine: more than the default minute.
test.describe.configure({ timeout: 180_000 })

/** From the top: a full-page shot of a scrolled page draws the portal's fixed bars mid-page. */
async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0))
  await fullPage(page, testInfo, name)
}

async function contactOnPhone(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  const signIn = new SignInPage(page)
  await signIn.open()
  await signIn.signIn(CONTACT, DEMO_PASSWORD)
  await expect(page).toHaveURL(/\/portal$/)
  return page
}

test('a problem: the contact raises it on a phone, chain staff resolve it, the contact confirms and rates it', async ({ browser, request }, testInfo) => {
  const title = unique('新厂房消防验收排期')
  const phone = await contactOnPhone(browser)
  await new PortalHomePage(phone).raise.click()
  await new PortalRaiseTicketPage(phone).raise({ title, description: '新厂房已竣工，消防验收排期需两个月，影响投产，望协调提前。' })
  const ticket = new PortalTicketPage(phone)
  await ticket.expectStatus('NEW')
  const ticketId = decodeURIComponent(new URL(phone.url()).pathname.split('/').pop()!)

  // STAFF-API: CHAIN_STAFF accepts, starts and resolves it (features/tickets not yet on main).
  const staff = await Api.as(request, CHAIN_STAFF)
  await staff.moveTicket(ticketId, 'ACCEPT')
  await staff.moveTicket(ticketId, 'START')
  await staff.moveTicket(ticketId, 'RESOLVE', '已协调消防救援支队，验收提前至下周三')

  await phone.reload()
  await ticket.expectStatus('RESOLVED')
  await expect(phone.getByTestId('portal-resolution')).toContainText('验收提前至下周三')
  await ticket.rate(5, '非常及时，感谢产业链党委')
  await ticket.expectStatus('CLOSED')
  await expect(ticket.rated).toContainText('非常及时')
  await expectAccessible(phone, testInfo)
  await screenshot(phone, testInfo, 'flow-ticket-rated')
  await phone.context().close()
})

test('a start-up fund: the contact applies, the chain reviews, the park approves, finance pays it', async ({ browser, request }, testInfo) => {
  const branch = unique('博翔新材料检测中心党支部')
  await (await Api.as(request, PARK_ADMIN)).formedBranch(branch)

  const phone = await contactOnPhone(browser)
  await new PortalHomePage(phone).apply.click()
  const form = new PortalFundFormPage(phone)
  await form.fill({ program: '新建党组织启动经费', organization: branch, amountYuan: '5000', bank: '长沙银行麓谷支行', account: '6222020200118899' })
  await form.submit.click()
  const fund = new PortalFundPage(phone)
  await fund.expectStatus('SUBMITTED')
  const applicationId = fund.id()

  // STAFF-API: the chain's review and the park's approval (features/funds not yet on main).
  await (await Api.as(request, CHAIN_STAFF)).reviewApplication(applicationId, 'CHAIN', 'APPROVE', '材料齐全')
  await (await Api.as(request, PARK_ADMIN)).reviewApplication(applicationId, 'PARK', 'APPROVE')
  await phone.reload()
  await fund.expectStatus('PARK_APPROVED')

  // STAFF-API: FINANCE_OFFICER builds and executes a batch; the simulated treasury pays it.
  const finance = await Api.as(request, FINANCE)
  const batchId = await finance.payInBatch(unique('启动经费拨付'), [applicationId])
  await expect.poll(async () => (await finance.batchProgress(batchId)).progress.paid, { timeout: 60_000 }).toBe(1)

  await phone.reload()
  await fund.expectStatus('PAID')
  await expect(fund.step('SETTLE_PAID')).toHaveCount(1)
  await expect(fund.step('CHAIN_APPROVE')).toContainText('材料齐全')
  await expectAccessible(phone, testInfo)
  await screenshot(phone, testInfo, 'flow-fund-paid')
  await phone.context().close()
})
