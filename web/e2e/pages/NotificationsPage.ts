import { expect, type Locator, type Page } from '@playwright/test'

export class NotificationsPage {
  readonly root: Locator
  readonly items: Locator
  readonly unreadCount: Locator
  readonly markAll: Locator
  readonly unreadOnly: Locator
  readonly total: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('notifications-page')
    // The bell's dropdown holds items too (hidden): only the page's own.
    this.items = this.root.getByTestId('notification-item')
    this.unreadCount = page.getByTestId('notifications-unread-count')
    this.markAll = page.getByTestId('notifications-mark-all')
    this.unreadOnly = page.getByTestId('notifications-unread-only')
    this.total = page.getByTestId('pager-total')
  }

  async open(): Promise<void> {
    await this.page.goto('/notifications')
    await expect(this.root).toBeVisible()
  }

  item(text: string): Locator {
    return this.items.filter({ hasText: text })
  }
}
