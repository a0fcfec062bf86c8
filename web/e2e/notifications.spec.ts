import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { NEW_PASSWORD, apiSignIn, changeTemporaryPassword, gql, grantInDemoPark, unreadCount, uniqueEmail } from './accounts'
import { Api, CHAIN_STAFF, CONTACT } from './api'
import { AppShell } from './pages/AppShell'
import { NotificationsPage } from './pages/NotificationsPage'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, expectAccessible, screenshot } from './support'

// Each test first sets up its person and waits for the worker: more than the default minute on a shared machine.
test.describe.configure({ timeout: 120_000 })

/** A new person of the demo park with one notification per role given (MEMBERSHIP_GRANTED, from the worker). */
async function personWithNotifications(request: APIRequestContext, roles: string[]): Promise<string> {
  const email = uniqueEmail('notified')
  const temporary = await grantInDemoPark(request, email, '通知 周九', roles[0])
  for (const role of roles.slice(1)) await grantInDemoPark(request, email, '通知 周九', role)
  await changeTemporaryPassword(request, email, temporary!)
  const session = await apiSignIn(request, email, NEW_PASSWORD)
  // The worker writes them from the outbox: wait until all are there.
  await expect.poll(() => unreadCount(request, session), { timeout: 30_000 }).toBe(roles.length)
  return email
}

async function signIn(page: Page, email: string, password = NEW_PASSWORD): Promise<void> {
  const signInPage = new SignInPage(page)
  await signInPage.open()
  await signInPage.signIn(email, password)
  await expect(new AppShell(page).bell).toBeVisible()
}

test('the bell counts the unread, its dropdown reads one, the page reads the rest @phone', async ({ page, request }, testInfo) => {
  const email = await personWithNotifications(request, ['AUDITOR', 'LIAISON_OFFICER'])
  await signIn(page, email)
  const shell = new AppShell(page)
  await expect(shell.unread).toHaveText('2')

  await shell.bell.click()

  await expect(shell.bellNotifications).toHaveCount(2)
  await expect(shell.bellDropdown).toContainText('您获得了新角色')
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'notification-bell')
  await shell.bellNotifications.first().click()
  await expect(shell.unread).toHaveText('1')

  await shell.bell.click()
  await shell.bellShowAll.click()

  const list = new NotificationsPage(page)
  await expect(page).toHaveURL(/\/notifications$/)
  await expect(list.items).toHaveCount(2)
  await expect(list.total).toContainText('2')
  await expect(list.items.and(list.root.locator('[data-unread="yes"]'))).toHaveCount(1)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'notifications')

  await list.items.and(list.root.locator('[data-unread="yes"]')).getByTestId('notification-mark-read').click()

  await expect(list.items.and(list.root.locator('[data-unread="yes"]'))).toHaveCount(0)
  await expect(shell.unread).toBeHidden()
  await list.unreadOnly.click()
  await expect(page).toHaveURL(/unread=yes/)
  await expect(page.getByTestId('query-empty')).toBeVisible()
})

test('mark all read empties the count everywhere', async ({ page, request }) => {
  const email = await personWithNotifications(request, ['AUDITOR', 'LIAISON_OFFICER', 'FINANCE_OFFICER'])
  await signIn(page, email)
  const list = new NotificationsPage(page)
  await list.open()
  await expect(list.items.and(list.root.locator('[data-unread="yes"]'))).toHaveCount(3)

  await list.markAll.click()

  await expect(list.items.and(list.root.locator('[data-unread="yes"]'))).toHaveCount(0)
  await expect(new AppShell(page).unread).toBeHidden()
  await expect(list.markAll).toBeDisabled()
  expect(await unreadCount(request, await apiSignIn(request, email, NEW_PASSWORD))).toBe(0)
})

test('a new notification shows on the bell when the window comes back into focus', async ({ page, request }) => {
  const email = await personWithNotifications(request, ['AUDITOR'])
  await signIn(page, email)
  const shell = new AppShell(page)
  await expect(shell.unread).toHaveText('1')

  await grantInDemoPark(request, email, '通知 周九', 'LIAISON_OFFICER')
  await expect.poll(async () => unreadCount(request, await apiSignIn(request, email, NEW_PASSWORD)), { timeout: 30_000 }).toBe(2)
  await page.evaluate(() => window.dispatchEvent(new Event('focus')))

  await expect(shell.unread).toHaveText('2')
})

test('a ticket notification opens the ticket', async ({ page, request }) => {
  // The contact raises a problem; the chain committee (its leaders) is told.
  const title = `停水待解决 ${Date.now().toString(36)}`
  const ticketId = await (await Api.as(request, CONTACT)).raiseTicket(title)
  const staff = await apiSignIn(request, CHAIN_STAFF, DEMO_PASSWORD)
  await expect
    .poll(async () => {
      const data = await gql<{ notifications: { nodes: { data: { title?: string } }[] } }>(request, '{ notifications(first: 20) { nodes { data } } }', {}, staff.accessToken)
      return data.notifications.nodes.some((n) => n.data.title === title)
    }, { timeout: 30_000 })
    .toBe(true)
  await signIn(page, CHAIN_STAFF, DEMO_PASSWORD)
  const list = new NotificationsPage(page)
  await list.open()
  const item = list.item(title)
  await expect(item).toHaveAttribute('data-unread', 'yes')
  const open = item.getByTestId('notification-open')
  test.skip((await open.count()) === 0, 'no ticket screen in this build yet (features/tickets): the link has nowhere to go')

  await open.click()

  await expect(page).toHaveURL(new RegExp(`/tickets/${ticketId}$`))
})
