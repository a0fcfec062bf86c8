import { expect, type Locator, type Page } from '@playwright/test'

export class EnterpriseImportPage {
  readonly root: Locator
  readonly file: Locator
  readonly start: Locator
  readonly outcome: Locator
  readonly errors: Locator
  readonly created: Locator
  readonly errorCount: Locator
  readonly recent: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('enterprise-import-page')
    this.file = page.getByTestId('import-file').locator('input[type=file]')
    this.start = page.getByTestId('import-start')
    this.outcome = page.getByTestId('import-outcome')
    this.errors = page.getByTestId('import-errors')
    this.created = page.getByTestId('count-created')
    this.errorCount = page.getByTestId('count-errors')
    this.recent = page.getByTestId('recent-import-link')
  }

  async open(): Promise<void> {
    await this.page.goto('/enterprises/import')
    await expect(this.root).toBeVisible()
  }

  async upload(name: string, content: string): Promise<void> {
    await this.file.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf-8') })
    await this.start.click()
  }

  /** Waits until the worker has finished the import (the outcome tag names how). */
  async expectFinished(outcome: 'clean' | 'withErrors' | 'failed'): Promise<void> {
    await expect(this.outcome).toHaveAttribute('data-outcome', outcome, { timeout: 60_000 })
  }

  errorRow(row: number): Locator {
    return this.errors.locator('tbody tr').filter({ has: this.page.locator('td').first().getByText(String(row), { exact: true }) })
  }
}
