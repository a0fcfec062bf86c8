import { expect, type Locator, type Page } from '@playwright/test'

/** Coverage figures by key (enterprises, coverage, uncovered, employees, key, unreached, organizations,
 * members, pipeline); tickets-* and funds-* figures of their panels. */
export class DashboardPage {
  readonly root: Locator
  readonly chain: Locator
  readonly park: Locator
  readonly tickets: Locator
  readonly funds: Locator
  readonly programs: Locator
  readonly chainRows: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('dashboard')
    this.chain = page.getByTestId('dashboard-chain')
    this.park = page.getByTestId('dashboard-park')
    this.tickets = page.getByTestId('ticket-figures')
    this.funds = page.getByTestId('fund-figures')
    this.programs = page.getByTestId('fund-program')
    this.chainRows = page.getByTestId('chain-row')
  }

  async open(): Promise<void> {
    await this.page.goto('/dashboard')
    await this.expectLoaded()
  }

  figure(key: string): Locator {
    return this.page.getByTestId(`figure-${key}`)
  }

  /** A figure's value as a number (counts; rates give their digits). */
  async value(key: string): Promise<number> {
    return Number((await this.figure(key).getByTestId('figure-value').textContent())?.replace(/[^\d.]/g, ''))
  }

  async expectLoaded(): Promise<void> {
    await expect(this.figure('enterprises')).toBeVisible()
    // The chart is drawn on a canvas once ECharts has loaded with the route.
    await expect(this.root.locator('canvas').first()).toBeVisible()
  }
}
