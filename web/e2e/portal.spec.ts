import { expect, test, type Page, type TestInfo } from '@playwright/test'
import { Api, BOXIANG, CHAIN_STAFF, CONTACT } from './api'
import { PortalFundFormPage, PortalFundPage, PortalHomePage, PortalRaiseTicketPage, PortalShell, PortalTicketListPage, PortalTicketPage } from './pages/PortalPages'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, expectAccessible, screenshot as fullPage } from './support'

// Every test makes its own tickets and organisations (another helper grows the demo park): unique names.
const unique = (what: string) => `${what} ${Date.now().toString(36)}`
// Whole flows with several parties on a shared two-core machine: more than the default minute.
test.describe.configure({ timeout: 180_000 })

/** From the top: a full-page shot of a scrolled page draws the portal's fixed bars mid-page. */
async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0))
  await fullPage(page, testInfo, name)
}

async function signInAsContact(page: Page): Promise<void> {
  const signIn = new SignInPage(page)
  await signIn.open()
  await signIn.signIn(CONTACT, DEMO_PASSWORD)
  await expect(page).toHaveURL(/\/portal$/)
  await expect(new PortalShell(page).root).toBeVisible()
}

test('the contact lands in the portal: its enterprise, its organisation, what waits for it @phone', async ({ page }, testInfo) => {
  await signInAsContact(page)

  const home = new PortalHomePage(page)
  await expect(home.enterpriseName).toHaveText(BOXIANG)
  await expect(home.organizations.filter({ hasText: '湖南博翔新材料科技有限公司党支部' })).toContainText('已成立')
  await expect(home.figure('open')).toBeVisible()
  await expect(page.getByTestId('side-menu')).toHaveCount(0)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'portal-home')

  // A reload at / goes back to the portal, not the console.
  await page.goto('/')
  await expect(page).toHaveURL(/\/portal$/)
})

test('raise a problem with an attachment and follow it @phone', async ({ page }, testInfo) => {
  await signInAsContact(page)
  const title = unique('园区道路夜间照明不足')
  await new PortalHomePage(page).raise.click()

  const form = new PortalRaiseTicketPage(page)
  await expect(form.root).toBeVisible()
  await form.submit.click() // nothing chosen: the form says what is missing, nothing is sent
  await expect(page.locator('.el-form-item__error').first()).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'portal-raise')
  await form.raise({
    title,
    description: '夜班员工下班时园区东门道路路灯不亮，存在安全隐患，希望协调修复。',
    files: [{ name: '现场照片说明.txt', mimeType: 'text/plain', buffer: Buffer.from('东门路灯 3 盏不亮') }],
  })

  const ticket = new PortalTicketPage(page)
  await expect(ticket.heading).toHaveText(title)
  await ticket.expectStatus('NEW')
  await expect(ticket.attachments).toContainText('现场照片说明.txt')
  await expect(ticket.timeline.first()).toContainText('提交诉求')
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'portal-ticket')

  await new PortalShell(page).openTab('portal-tickets')
  const list = new PortalTicketListPage(page)
  await expect(list.card(title)).toContainText('待受理')
})

test('add the information the handler asked for; the ticket goes on', async ({ page, request }) => {
  const title = unique('研发楼天然气接入')
  const contact = await Api.as(request, CONTACT)
  const staff = await Api.as(request, CHAIN_STAFF)
  const id = await contact.raiseTicket(title)
  await staff.moveTicket(id, 'ACCEPT')
  await staff.moveTicket(id, 'START')
  await staff.moveTicket(id, 'REQUEST_INFO', '请提供用气量测算和管道走向图')

  await signInAsContact(page)
  await expect(new PortalHomePage(page).figure('waiting')).not.toContainText(/^0/)
  const ticket = new PortalTicketPage(page)
  await ticket.open(id)
  await ticket.expectStatus('WAITING_ON_ENTERPRISE')
  await expect(ticket.asked).toContainText('请提供用气量测算和管道走向图')
  await ticket.addInfoBody.fill('日用气量约 300 立方米，管道走向图见附件。')
  await page.getByTestId('portal-add-info').locator('input[type=file]').setInputFiles({ name: '管道走向图.txt', mimeType: 'text/plain', buffer: Buffer.from('走向图') })
  await ticket.addInfoSubmit.click()

  await ticket.expectStatus('IN_PROGRESS')
  await expect(ticket.timeline.filter({ hasText: '日用气量约 300 立方米' })).toHaveCount(1)
  await expect(ticket.attachments).toContainText('管道走向图.txt')
})

test('confirm a resolution with a rating, then reopen it within the window @phone', async ({ page, request }, testInfo) => {
  const title = unique('员工子女入学咨询')
  const contact = await Api.as(request, CONTACT)
  const staff = await Api.as(request, CHAIN_STAFF)
  const id = await contact.raiseTicket(title)
  for (const action of ['ACCEPT', 'START']) await staff.moveTicket(id, action)
  await staff.moveTicket(id, 'RESOLVE', '已协调教育局，3 名员工子女安排至麓谷小学')

  await signInAsContact(page)
  const ticket = new PortalTicketPage(page)
  await ticket.open(id)
  await ticket.expectStatus('RESOLVED')
  await expect(page.getByTestId('portal-resolution')).toContainText('麓谷小学')
  await ticket.confirm.click() // no stars yet: the form asks for them
  await expect(page.getByTestId('portal-confirm')).toContainText('请选择满意度')
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'portal-confirm')
  await ticket.rate(4, '办理及时')

  await ticket.expectStatus('CLOSED')
  await expect(ticket.rated).toContainText('办理及时')
  await expect(page.getByTestId('portal-reopen')).toContainText('前申请重新办理')

  await ticket.reopen('还有 1 名员工子女未落实学位')
  await ticket.expectStatus('REOPENED')
  await expect(ticket.timeline.filter({ hasText: '还有 1 名员工子女未落实学位' })).toHaveCount(1)
})

test('apply for a start-up fund, see it returned with its reason, fix and resubmit @phone', async ({ page, request }, testInfo) => {
  const branch = unique('博翔新材料研发中心党支部')
  const admin = await Api.as(request, 'admin@changsha-hitech.dev')
  await admin.formedBranch(branch)

  await signInAsContact(page)
  await new PortalHomePage(page).apply.click()
  const form = new PortalFundFormPage(page)
  await form.fill({
    program: '新建党组织启动经费',
    organization: branch,
    amountYuan: '12000',
    bank: '长沙银行麓谷支行',
    account: '800012345678902',
    document: { name: '成立批复.pdf', url: 'https://pan.example.gov.cn/s/approval' },
  })
  await form.submit.click()
  // Above what the rule allows a small branch: the server's message, on the amount.
  await expect(form.fieldError(form.amount)).toBeVisible()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'portal-fund-apply')
  await form.amount.fill('')
  await form.submit.click()

  const fund = new PortalFundPage(page)
  await fund.expectStatus('SUBMITTED')
  await expect(fund.amount).toHaveText('¥5,000.00')
  await expect(fund.step('SUBMIT')).toHaveCount(1)

  const staff = await Api.as(request, CHAIN_STAFF)
  await staff.reviewApplication(fund.id(), 'CHAIN', 'RETURN', '请补充支部成立批复的盖章扫描件')
  await page.reload()
  await fund.expectStatus('RETURNED_FOR_CHANGES')
  await expect(fund.banner).toContainText('请补充支部成立批复的盖章扫描件')
  await expect(fund.step('RETURN')).toContainText('请补充支部成立批复的盖章扫描件')
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'portal-fund-returned')

  await fund.edit.click()
  await expect(form.root).toBeVisible()
  await form.amount.fill('4800')
  await page.getByTestId('portal-fund-document-name').last().fill('成立批复（盖章）.pdf')
  await form.submit.click()

  await fund.expectStatus('SUBMITTED')
  await expect(fund.amount).toHaveText('¥4,800.00')
  await expect(fund.steps).toHaveCount(5) // drafted, submitted, returned, changed, resubmitted
  await expect(fund.steps.first()).toHaveAttribute('data-action', 'SUBMIT')
})
