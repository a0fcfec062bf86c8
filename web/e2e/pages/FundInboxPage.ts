import { expect, type Locator, type Page } from '@playwright/test'

/** 经费审批 (/funds/inbox) and its review dialog. */
export class FundInboxPage {
  readonly root: Locator
  readonly stage: Locator
  readonly dialog: Locator
  readonly reason: Locator
  readonly submit: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('fund-inbox')
    this.stage = page.getByTestId('fund-inbox-stage')
    this.dialog = page.getByTestId('review-dialog')
    this.reason = page.getByTestId('review-reason')
    this.submit = page.getByTestId('review-submit')
  }

  async open(tab: 'pending' | 'done' = 'pending'): Promise<void> {
    await this.page.goto(tab === 'pending' ? '/funds/inbox' : '/funds/inbox?tab=done')
    await expect(this.root).toBeVisible()
  }

  async showTab(tab: 'pending' | 'done'): Promise<void> {
    await this.page.getByRole('tab', { name: tab === 'pending' ? /待我审批|Awaiting me/ : /我已审批|Decided by me/ }).click()
  }

  /** The row of an application, found by its program's name (unique per test). */
  row(programName: string): Locator {
    return this.root.locator('.el-table__row').filter({ hasText: programName })
  }

  async startReview(programName: string): Promise<void> {
    await this.row(programName).getByTestId('fund-review').click()
    await expect(this.dialog).toBeVisible()
  }

  async decide(decision: 'APPROVE' | 'RETURN' | 'REJECT', reason = ''): Promise<void> {
    await this.dialog.getByTestId(`review-decision-${decision}`).click()
    await this.reason.fill(reason)
    await this.submit.click()
  }

  /** The error Element Plus shows under the remark field. */
  reasonError(): Locator {
    return this.dialog.locator('.el-form-item.is-error .el-form-item__error')
  }
}
