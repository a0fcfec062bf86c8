import { expect, type Locator, type Page } from '@playwright/test'

export class SignInPage {
  readonly email: Locator
  readonly password: Locator
  readonly submit: Locator
  readonly error: Locator
  readonly passwordError: Locator
  readonly reason: Locator

  constructor(readonly page: Page) {
    this.email = page.getByTestId('sign-in-email')
    this.password = page.getByTestId('sign-in-password')
    this.submit = page.getByTestId('sign-in-submit')
    this.error = page.getByTestId('sign-in-error')
    this.passwordError = page.getByTestId('sign-in-password-error')
    this.reason = page.getByTestId('sign-in-reason')
  }

  async open(): Promise<void> {
    await this.page.goto('/sign-in')
    await expect(this.submit).toBeVisible()
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email)
    await this.password.fill(password)
    await this.submit.click()
  }

  async switchLanguage(label: string): Promise<void> {
    await this.page.getByTestId('language-switch').click()
    await this.page.getByRole('option', { name: label }).click()
  }
}
