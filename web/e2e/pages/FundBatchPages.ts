import { expect, type Locator, type Page } from '@playwright/test'

/** 支付批次 (/funds/batches) and its new-batch dialog. */
export class FundBatchesPage {
  readonly root: Locator
  readonly create: Locator
  readonly dialog: Locator
  readonly name: Locator
  readonly save: Locator
  readonly selected: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('fund-batches')
    this.create = page.getByTestId('batch-create')
    this.dialog = page.getByTestId('batch-dialog')
    this.name = page.getByTestId('batch-name')
    this.save = page.getByTestId('batch-save')
    this.selected = page.getByTestId('batch-selected')
  }

  async open(): Promise<void> {
    await this.page.goto('/funds/batches')
    await expect(this.root).toBeVisible()
  }

  /** Builds a batch of the approved applications whose program is `programName`. */
  async build(batchName: string, programName: string): Promise<void> {
    await this.create.click()
    await expect(this.dialog).toBeVisible()
    await this.name.fill(batchName)
    await this.dialog.getByTestId('batch-choice').filter({ hasText: programName }).click()
    await this.save.click()
  }
}

/** One payment batch (/funds/batches/:id): execute, live progress, payments, export. */
export class FundBatchPage {
  readonly root: Locator
  readonly title: Locator
  readonly status: Locator
  readonly execute: Locator
  readonly discard: Locator
  readonly live: Locator
  readonly paid: Locator
  readonly failed: Locator
  readonly paymentErrors: Locator
  readonly failedHelp: Locator
  readonly export: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('fund-batch')
    this.title = page.getByTestId('batch-name-title')
    this.status = page.getByTestId('batch-status')
    this.execute = page.getByTestId('batch-execute')
    this.discard = page.getByTestId('batch-discard')
    this.live = page.getByTestId('batch-live')
    this.paid = page.getByTestId('batch-count-paid')
    this.failed = page.getByTestId('batch-count-failed')
    this.paymentErrors = page.getByTestId('batch-payment-error')
    this.failedHelp = page.getByTestId('batch-failed-help')
    this.export = page.getByTestId('batch-export')
  }

  async open(id: string): Promise<void> {
    await this.page.goto(`/funds/batches/${id}`)
  }

  /** Executes the batch, confirming the dialog that names the count and the total. */
  async executeConfirmed(): Promise<void> {
    await this.execute.click()
    await this.page.locator('.el-message-box').getByRole('button', { name: /确定|Confirm/ }).click()
  }

  /** Waits for the live progress to report every payment settled (it polls the API on its own). */
  async expectSettled(timeout = 60_000): Promise<void> {
    await expect(this.live).toHaveAttribute('data-settled', 'true', { timeout })
  }
}
