import { expect, type Locator, type Page } from '@playwright/test'

export class EnterpriseListPage {
  readonly root: Locator
  readonly search: Locator
  readonly links: Locator
  readonly total: Locator
  readonly page_: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('enterprise-list')
    this.search = page.getByTestId('enterprise-search')
    this.links = page.getByTestId('enterprise-link')
    this.total = page.getByTestId('pager-total')
    this.page_ = page.getByTestId('pager-page')
  }

  async expectLoaded(): Promise<void> {
    await expect(this.root).toBeVisible()
    await expect(this.links.first()).toBeVisible()
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text)
  }

  async chooseFilter(testId: string, option: string): Promise<void> {
    await this.page.getByTestId(testId).click()
    await this.page.getByRole('option', { name: option, exact: true }).click()
  }

  /** The total the pager shows ("共 N 条"), as a number. */
  async totalCount(): Promise<number> {
    return Number((await this.total.textContent())?.replace(/\D/g, ''))
  }

  names(): Promise<string[]> {
    return this.links.allTextContents()
  }

  async open(name: string): Promise<void> {
    await this.links.filter({ hasText: name }).click()
  }
}
