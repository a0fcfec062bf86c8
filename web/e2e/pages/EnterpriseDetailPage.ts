import type { Locator, Page } from '@playwright/test'

export class EnterpriseDetailPage {
  readonly root: Locator
  readonly name: Locator
  readonly creditCode: Locator
  readonly back: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('enterprise-detail')
    this.name = page.getByTestId('enterprise-name')
    this.creditCode = page.getByTestId('enterprise-credit-code')
    this.back = page.getByTestId('back-to-list')
  }

  async openTab(name: RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click()
  }
}
