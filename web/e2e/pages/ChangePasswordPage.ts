import { expect, type Locator, type Page } from '@playwright/test'

export class ChangePasswordPage {
  readonly root: Locator
  readonly policy: Locator
  readonly current: Locator
  readonly next: Locator
  readonly confirm: Locator
  readonly submit: Locator
  readonly currentError: Locator
  readonly nextError: Locator
  readonly confirmError: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('change-password')
    this.policy = page.getByTestId('password-policy')
    this.current = page.getByTestId('current-password')
    this.next = page.getByTestId('new-password')
    this.confirm = page.getByTestId('confirm-password')
    this.submit = page.getByTestId('change-password-submit')
    this.currentError = page.getByTestId('current-password-error')
    this.nextError = page.getByTestId('new-password-error')
    this.confirmError = page.getByTestId('confirm-password-error')
  }

  async expectShown(): Promise<void> {
    await expect(this.root).toBeVisible()
    await expect(this.policy).toBeVisible()
  }

  async change(current: string, next: string, confirm = next): Promise<void> {
    await this.current.fill(current)
    await this.next.fill(next)
    await this.confirm.fill(confirm)
    await this.submit.click()
  }
}
