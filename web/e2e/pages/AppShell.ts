import type { Locator, Page } from '@playwright/test'

export class AppShell {
  readonly user: Locator
  readonly park: Locator
  readonly signOut: Locator
  readonly menu: Locator
  readonly menuToggle: Locator

  constructor(readonly page: Page) {
    this.user = page.getByTestId('current-user')
    this.park = page.getByTestId('current-park')
    this.signOut = page.getByTestId('sign-out')
    this.menu = page.getByTestId('side-menu')
    this.menuToggle = page.getByTestId('menu-toggle')
  }
}
