import type { Locator, Page } from '@playwright/test'

export class AppShell {
  readonly user: Locator
  readonly park: Locator
  readonly parkSwitcher: Locator
  readonly parkOptions: Locator
  readonly signOut: Locator
  readonly menu: Locator
  readonly menuToggle: Locator
  readonly bell: Locator
  readonly unread: Locator
  readonly bellDropdown: Locator
  readonly bellNotifications: Locator
  readonly bellShowAll: Locator
  readonly idleWarning: Locator
  readonly idleStay: Locator

  constructor(readonly page: Page) {
    this.user = page.getByTestId('current-user')
    this.park = page.getByTestId('current-park')
    this.parkSwitcher = page.getByTestId('park-switcher')
    this.parkOptions = page.getByTestId('park-option')
    this.signOut = page.getByTestId('sign-out')
    this.menu = page.getByTestId('side-menu')
    this.menuToggle = page.getByTestId('menu-toggle')
    this.bell = page.getByTestId('notification-bell')
    this.unread = page.getByTestId('notification-unread').locator('sup')
    this.bellDropdown = page.getByTestId('notification-dropdown')
    this.bellNotifications = page.getByTestId('bell-notification')
    this.bellShowAll = page.getByTestId('bell-show-all')
    this.idleWarning = page.getByTestId('idle-countdown')
    this.idleStay = page.getByTestId('idle-stay')
  }

  async switchPark(name: string): Promise<void> {
    await this.parkSwitcher.click()
    await this.parkOptions.filter({ hasText: name }).click()
  }
}
