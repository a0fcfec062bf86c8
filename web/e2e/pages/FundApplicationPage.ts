import type { Locator, Page } from '@playwright/test'

/** One fund application (/funds/applications/:id): its facts, review steps and payment. */
export class FundApplicationPage {
  readonly root: Locator
  readonly organization: Locator
  readonly status: Locator
  readonly steps: Locator
  readonly stepReasons: Locator
  readonly review: Locator
  readonly documents: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('fund-application')
    this.organization = page.getByTestId('fund-application-organization')
    this.status = this.root.getByTestId('fund-status').first()
    this.steps = page.getByTestId('fund-step')
    this.stepReasons = page.getByTestId('fund-step-reason')
    this.review = this.root.getByTestId('fund-review')
    this.documents = page.getByTestId('fund-documents')
  }

  async open(id: string): Promise<void> {
    await this.page.goto(`/funds/applications/${id}`)
  }

  step(action: string): Locator {
    return this.page.locator(`[data-test="fund-step"][data-action="${action}"]`)
  }
}
