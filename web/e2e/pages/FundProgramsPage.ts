import { expect, type Locator, type Page } from '@playwright/test'

/** 经费项目与预算 (/funds/programs) and the program dialog. */
export class FundProgramsPage {
  readonly root: Locator
  readonly create: Locator
  readonly dialog: Locator
  readonly save: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('fund-programs')
    this.create = page.getByTestId('program-create')
    this.dialog = page.getByTestId('program-dialog')
    this.save = page.getByTestId('program-save')
  }

  async open(): Promise<void> {
    await this.page.goto('/funds/programs')
    await expect(this.root).toBeVisible()
  }

  row(name: string): Locator {
    return this.root.locator('.program-row').filter({ hasText: name })
  }

  /** The error Element Plus shows on the form item holding the input `testId`. */
  fieldError(testId: string): Locator {
    return this.dialog.locator('.el-form-item', { has: this.page.getByTestId(testId) }).locator('.el-form-item__error')
  }
}
