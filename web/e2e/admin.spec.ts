import { expect, test, type Page } from '@playwright/test'
import { ApiKeysPage, AuditLogPage, MembershipsPage, confirm } from './pages/AdminPages'
import { AppShell } from './pages/AppShell'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, PARK_ADMIN, expectAccessible, screenshot } from './support'

const AUDITOR = 'auditor@changsha-hitech.dev'

// Whole flows on a shared two-core machine: more room than the default minute.
test.describe.configure({ timeout: 180_000 })

async function signInAs(page: Page, email: string): Promise<void> {
  const signIn = new SignInPage(page)
  await signIn.open()
  await signIn.signIn(email, DEMO_PASSWORD)
  await expect(new AppShell(page).signOut).toBeVisible()
}

/** A name no earlier run or project used, so the test finds its own rows whatever else the park holds. */
const fresh = (prefix: string, project: string) => `${prefix}-${project}-${Date.now().toString(36)}`

test('PARK_ADMIN grants a role, locks and unlocks the account, then revokes the role', async ({ page }, testInfo) => {
  await signInAs(page, PARK_ADMIN)
  const memberships = new MembershipsPage(page)
  await memberships.open()
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'admin-memberships')
  const email = `${fresh('auditor', testInfo.project.name)}@example.cn`

  await memberships.grant(email, '审计 新同事', 'grant-role-AUDITOR')

  // A new account without a chosen password: its temporary password is shown once.
  await expect(memberships.secret.getByTestId('secret-value')).toHaveValue(/.{8,}/)
  await memberships.secret.getByTestId('secret-close').click()
  await expect(memberships.outcome).toContainText('审计 新同事')
  await memberships.find(email)
  const row = memberships.row(email)
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('membership-role')).toHaveText('审计')
  await expect(row.getByTestId('membership-status')).toHaveText('正常')

  await confirm(page, row.getByTestId('membership-lock'))
  await expect(row.getByTestId('membership-status')).toHaveText('已锁定')
  await row.getByTestId('membership-unlock').click()
  await expect(row.getByTestId('membership-status')).toHaveText('正常')

  await confirm(page, row.getByTestId('membership-revoke'))

  await expect(memberships.outcome).toContainText('已撤销')
  await expect(row).toHaveCount(0)
  await memberships.includeRevoked.click()
  await expect(row.getByTestId('membership-status')).toHaveText('已撤销')
})

test('PARK_ADMIN creates an API key and sees its secret once, then revokes it', async ({ page }, testInfo) => {
  await signInAs(page, PARK_ADMIN)
  const keys = new ApiKeysPage(page)
  await keys.open()
  const name = fresh('统计平台', testInfo.project.name)

  await keys.createKey(name, 'REGISTRY_READ')

  await expect(keys.secretValue).toHaveValue(/^rck_/)
  const secret = await keys.secretValue.inputValue()
  await screenshot(page, testInfo, 'admin-api-key-secret')
  await keys.secret.getByTestId('secret-close').click()
  await expect(keys.row(name).getByTestId('api-key-status')).toHaveText('有效')
  await expect(page.locator('body')).not.toContainText(secret)
  await page.reload()
  await expect(keys.row(name)).toHaveCount(1)
  await expect(page.locator('body')).not.toContainText(secret.slice(-12))
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'admin-api-keys')

  await confirm(page, keys.row(name).getByTestId('api-key-revoke'))

  await expect(keys.row(name).getByTestId('api-key-status')).toHaveText('已吊销')
})

test('AUDITOR reads the audit log and cannot open administration @phone', async ({ page }, testInfo) => {
  await signInAs(page, AUDITOR)
  const shell = new AppShell(page)
  if (testInfo.project.name === 'phone') await shell.menuToggle.click()
  const menu = testInfo.project.name === 'phone' ? page.getByRole('navigation').last() : shell.menu
  await expect(menu.getByText('审计日志')).toBeVisible()
  await expect(menu.getByText('用户与角色')).toHaveCount(0)
  await expect(menu.getByText('API 密钥')).toHaveCount(0)
  await expect(menu.getByText('园区管理')).toHaveCount(0)

  const log = new AuditLogPage(page)
  await log.open()
  await log.action.fill('security.login')
  await expect(page).toHaveURL(/action=security\.login/)
  await expect.poll(async () => [...new Set(await log.recordedActions())]).toEqual(['security.login'])
  await log.expand(0)
  await expect(log.changes.first()).toContainText(AUDITOR)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'audit-log')

  for (const path of ['/admin/memberships', '/admin/api-keys', '/platform/parks', '/platform/calendar']) {
    await page.goto(path)
    await expect(page.getByTestId('status-forbidden')).toBeVisible()
  }
})

test('the security events of the park, by kind @phone', async ({ page }, testInfo) => {
  await signInAs(page, PARK_ADMIN)
  await page.goto('/admin/security?kind=LOGIN')

  const kinds = page.getByTestId('security-kind')
  await expect(kinds.first()).toBeVisible()
  await expect
    .poll(async () => [...new Set(await kinds.evaluateAll((els) => els.map((el) => el.getAttribute('data-action'))))])
    .toEqual(['security.login'])
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'admin-security')
})
