import { expect, type Locator, type Page } from '@playwright/test'

export class DashboardPage {
  readonly root: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('dashboard')
  }

  figure(key: 'enterprises' | 'coverage' | 'uncovered' | 'employees' | 'key' | 'unreached'): Locator {
    return this.page.getByTestId(`figure-${key}`)
  }

  /** A figure's value as a number (counts; rates give their digits). */
  async value(key: Parameters<DashboardPage['figure']>[0]): Promise<number> {
    return Number((await this.figure(key).getByTestId('figure-value').textContent())?.replace(/[^\d.]/g, ''))
  }

  async expectLoaded(): Promise<void> {
    await expect(this.figure('enterprises')).toBeVisible()
    // The chart is drawn on a canvas once ECharts has loaded with the route.
    await expect(this.root.locator('canvas').first()).toBeVisible()
  }
}
