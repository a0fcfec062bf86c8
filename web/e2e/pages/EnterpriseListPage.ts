import { expect, type Download, type Locator, type Page } from '@playwright/test'

export class EnterpriseListPage {
  readonly root: Locator
  readonly search: Locator
  readonly links: Locator
  readonly total: Locator
  readonly page_: Locator
  readonly create: Locator
  readonly importButton: Locator
  readonly exportButton: Locator
  readonly table: Locator
  readonly keyTags: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('enterprise-list')
    this.search = page.getByTestId('enterprise-search')
    this.links = page.getByTestId('enterprise-link')
    this.total = page.getByTestId('pager-total')
    this.page_ = page.getByTestId('pager-page')
    this.create = page.getByTestId('enterprise-create')
    this.importButton = page.getByTestId('enterprise-import')
    this.exportButton = page.getByTestId('enterprise-export')
    this.table = page.getByTestId('enterprise-table')
    this.keyTags = page.getByTestId('key-tag')
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

  /** The list's total as the pager states it. */
  async totalCount(): Promise<number> {
    return Number((await this.total.textContent())?.match(/\d+/)?.[0] ?? NaN)
  }

  names(): Promise<string[]> {
    return this.links.allTextContents()
  }

  async open(name: string): Promise<void> {
    await this.links.filter({ hasText: name }).click()
  }

  /** Exports the listed enterprises and returns the download the browser received. */
  async export(format: 'xlsx' | 'csv'): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.exportButton.click()
    await this.page.getByTestId(`export-${format}`).click()
    return download
  }

  async setColumn(key: string, shown: boolean): Promise<void> {
    await this.page.getByTestId('column-chooser').click()
    const box = this.page.getByTestId(`column-${key}`)
    await expect(box).toBeVisible()
    if ((await box.locator('input').isChecked()) !== shown) await box.click()
    await this.page.keyboard.press('Escape')
  }

  header(text: string): Locator {
    return this.table.locator('th').filter({ hasText: text })
  }
}
