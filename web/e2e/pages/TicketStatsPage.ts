import type { Locator, Page } from '@playwright/test'

export class TicketStatsPage {
  readonly root: Locator
  readonly headline: Locator
  readonly exportCsv: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ticket-stats')
    this.headline = page.getByTestId('ticket-stats-headline')
    this.exportCsv = page.getByTestId('ticket-stats-export')
  }

  figure(key: string): Locator {
    return this.page.getByTestId(`ticket-stats-${key}`)
  }

  chart(key: string): Locator {
    return this.page.getByTestId(`ticket-chart-${key}`)
  }
}
