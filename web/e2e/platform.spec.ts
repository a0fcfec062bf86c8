import { expect, test, type Page } from '@playwright/test'
import { confirm } from './pages/AdminPages'
import { AppShell } from './pages/AppShell'
import { HolidayCalendarPage, ParksPage } from './pages/PlatformPages'
import { SignInPage } from './pages/SignInPage'
import { DEMO_PASSWORD, expectAccessible, screenshot } from './support'

// services/demo.py: the platform admin holds no role in any park.
const PLATFORM_ADMIN = 'platform@redchain.dev'

// Whole flows on a shared two-core machine: more room than the default minute.
test.describe.configure({ timeout: 180_000 })

async function signIn(page: Page): Promise<void> {
  const signInPage = new SignInPage(page)
  await signInPage.open()
  await signInPage.signIn(PLATFORM_ADMIN, DEMO_PASSWORD)
  // With no park, the platform's screens are all there is: the app opens on them.
  await expect(new ParksPage(page).root).toBeVisible()
}

test('PLATFORM_ADMIN signs in to no park, creates a park and invites its first admin', async ({ page }, testInfo) => {
  await signIn(page)
  const parks = new ParksPage(page)
  await expect(new AppShell(page).menu.getByText('企业')).toHaveCount(0)
  await expect(parks.names.filter({ hasText: '长沙高新区党工委' })).toHaveCount(1)
  const code = `park-${testInfo.project.name}-${Date.now().toString(36)}`

  await parks.createPark(`湘江新区党工委 ${code}`, code)
  await parks.inviteAdmin(`${code}@example.cn`, '园区管理员 赵敏')

  await expect(parks.secret.getByTestId('secret-value')).toHaveValue(/.{8,}/)
  await parks.secret.getByTestId('secret-close').click()
  await expect(parks.notice).toContainText('赵敏')
  await expect(parks.names.filter({ hasText: code })).toHaveCount(1)
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'platform-parks')
})

test('a bad park code shows on its field', async ({ page }) => {
  await signIn(page)
  const parks = new ParksPage(page)

  await parks.createPark('名称', 'Not A Code')

  await expect(parks.dialog.getByText('园区代码只能包含小写字母、数字和连字符')).toBeVisible()
})

test('PLATFORM_ADMIN sets a holiday, removes it, and replaces the year @phone', async ({ page }, testInfo) => {
  await signIn(page)
  const calendar = new HolidayCalendarPage(page)
  // A year of its own per project, far from the demo's and each other's.
  const year = testInfo.project.name === 'phone' ? 2091 : 2090
  await calendar.open(year)
  await expect(calendar.source).toHaveAttribute('data-source', '')

  await calendar.setDay(`${year}-10-01`, 'HOLIDAY', '国庆节')

  await expect(calendar.day(`${year}-10-01`)).toHaveAttribute('data-kind', 'HOLIDAY')
  await expect(calendar.source).toHaveAttribute('data-source', 'PROVISIONAL')
  await calendar.setDay(`${year}-09-29`, 'WORKDAY', '调休上班')
  await expect(calendar.day(`${year}-09-29`)).toHaveAttribute('data-kind', 'WORKDAY')
  await expectAccessible(page, testInfo)
  await screenshot(page, testInfo, 'platform-calendar')

  await confirm(page, calendar.entry(`${year}-10-01`).getByTestId('calendar-remove'))
  await expect(calendar.day(`${year}-10-01`)).toHaveAttribute('data-kind', '')

  await calendar.replace.click()
  await calendar.replaceDialog.getByTestId('calendar-replace-text').fill(`${year}-01-01,HOLIDAY,元旦\n${year}-02-30,HOLIDAY,错日`)
  await calendar.replaceDialog.getByTestId('calendar-replace-submit').click()
  await expect(calendar.replaceDialog.getByTestId('calendar-replace-error')).toBeVisible()
  await calendar.replaceDialog.getByTestId('calendar-replace-text').fill(`${year}-01-01,HOLIDAY,元旦\n${year}-01-02,HOLIDAY,元旦`)
  await calendar.replaceDialog.getByTestId('calendar-replace-submit').click()

  await expect(calendar.source).toHaveAttribute('data-source', 'OFFICIAL')
  await expect(calendar.day(`${year}-01-02`)).toHaveAttribute('data-kind', 'HOLIDAY')
  await expect(calendar.day(`${year}-09-29`)).toHaveAttribute('data-kind', '')
})
