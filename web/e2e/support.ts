/** What every spec shares: the demo park's logins, the accessibility check and the screenshots. */
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, type TestInfo } from '@playwright/test'

// services/demo.py: every demo login uses this password.
export const DEMO_PASSWORD = 'redchain-demo-2026'
export const PARK_ADMIN = 'admin@changsha-hitech.dev'

/** No critical accessibility violation on what the page shows now; serious ones are listed in the report. */
export async function expectAccessible(page: Page, testInfo: TestInfo): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze()
  const summary = results.violations.map((v) => `${v.impact}: ${v.id} (${v.nodes.length}) ${v.help}`)
  await testInfo.attach('axe-violations', { body: summary.join('\n') || 'none', contentType: 'text/plain' })
  expect(results.violations.filter((v) => v.impact === 'critical').map((v) => v.id)).toEqual([])
  expect(results.violations.filter((v) => v.id === 'color-contrast').map((v) => v.nodes.map((n) => n.target))).toEqual([])
}

/** Kept in test-results/screenshots (CI artifacts); the README shows a few of them from docs/screenshots. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready)
  await page.screenshot({ path: `test-results/screenshots/${name}-${testInfo.project.name}.png`, fullPage: true })
}
