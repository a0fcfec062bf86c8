import { expect, type Locator, type Page } from '@playwright/test'

export class TicketQueuePage {
  readonly root: Locator
  readonly search: Locator
  readonly links: Locator
  readonly rows: Locator
  readonly total: Locator
  readonly overdue: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ticket-queue')
    this.search = page.getByTestId('ticket-search')
    this.links = page.getByTestId('ticket-link')
    this.rows = page.getByTestId('ticket-row')
    this.total = page.getByTestId('pager-total')
    this.overdue = page.getByTestId('ticket-filter-overdue')
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/tickets${query}`)
    await expect(this.root).toBeVisible()
  }

  async expectLoaded(): Promise<void> {
    await expect(this.root).toBeVisible()
    await expect(this.links.first()).toBeVisible()
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text)
  }

  /** "queue" or "mine". */
  async view(name: 'queue' | 'mine'): Promise<void> {
    await this.page.locator(`#tab-${name}`).click()
  }

  async chooseStatus(label: string): Promise<void> {
    await this.page.getByTestId('ticket-filter-status').click()
    await this.page.getByRole('option', { name: label, exact: true }).click()
    await this.page.keyboard.press('Escape')
  }

  link(title: string): Locator {
    return this.links.filter({ hasText: title })
  }

  async openTicket(title: string): Promise<void> {
    await this.link(title).click()
  }
}
