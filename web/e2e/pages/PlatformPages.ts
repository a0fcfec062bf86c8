/** Page objects of the platform screens: parks and the holiday calendar. */
import { expect, type Locator, type Page } from '@playwright/test'

export class ParksPage {
  readonly root: Locator
  readonly create: Locator
  readonly dialog: Locator
  readonly invite: Locator
  readonly names: Locator
  readonly secret: Locator
  readonly notice: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('parks')
    this.create = page.getByTestId('park-create')
    this.dialog = page.getByTestId('park-dialog')
    this.invite = page.getByTestId('invite-admin-dialog')
    this.names = page.getByTestId('park-name')
    this.secret = page.getByTestId('one-time-secret')
    this.notice = page.getByTestId('park-notice')
  }

  async createPark(name: string, code: string): Promise<void> {
    await this.create.click()
    await this.dialog.getByTestId('park-name-input').fill(name)
    await this.dialog.getByTestId('park-code-input').fill(code)
    await this.dialog.getByTestId('park-submit').click()
  }

  async inviteAdmin(email: string, name: string): Promise<void> {
    await expect(this.invite).toBeVisible()
    await this.invite.getByTestId('invite-email').fill(email)
    await this.invite.getByTestId('invite-name').fill(name)
    await this.invite.getByTestId('invite-submit').click()
  }
}

export class HolidayCalendarPage {
  readonly root: Locator
  readonly source: Locator
  readonly name: Locator
  readonly save: Locator
  readonly outcome: Locator
  readonly replace: Locator
  readonly replaceDialog: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('holiday-calendar')
    this.source = page.getByTestId('calendar-source')
    this.name = page.getByTestId('calendar-name')
    this.save = page.getByTestId('calendar-save')
    this.outcome = page.getByTestId('calendar-outcome')
    this.replace = page.getByTestId('calendar-replace')
    this.replaceDialog = page.getByTestId('calendar-replace-dialog')
  }

  async open(year: number): Promise<void> {
    await this.page.goto(`/platform/calendar?year=${year}`)
    await expect(this.source).toBeVisible()
  }

  day(date: string): Locator {
    return this.page.getByTestId(`calendar-day-${date}`)
  }

  entry(date: string): Locator {
    return this.page.getByTestId(`calendar-entry-${date}`)
  }

  async setDay(date: string, kind: 'HOLIDAY' | 'WORKDAY', name: string): Promise<void> {
    await this.day(date).click()
    await this.page.getByTestId(`calendar-kind-${kind}`).click()
    await this.name.fill(name)
    await this.save.click()
  }
}
