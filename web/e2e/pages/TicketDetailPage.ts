import { expect, type Locator, type Page } from '@playwright/test'

/** The staff's ticket page; the portal's cross-role spec reuses the data-test names it holds. */
export class TicketDetailPage {
  readonly root: Locator
  readonly title: Locator
  readonly status: Locator
  readonly assignee: Locator
  readonly actions: Locator
  readonly timeline: Locator
  readonly internalEntries: Locator
  readonly publicEntries: Locator
  readonly attachments: Locator
  readonly attachmentNames: Locator
  readonly sla: Locator
  readonly satisfaction: Locator
  readonly notFound: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ticket-detail')
    this.title = page.getByTestId('ticket-title')
    this.status = page.getByTestId('ticket-status')
    this.assignee = page.getByTestId('ticket-assignee')
    this.actions = page.getByTestId('ticket-actions')
    this.timeline = page.getByTestId('ticket-timeline')
    this.internalEntries = page.getByTestId('timeline-internal')
    this.publicEntries = page.getByTestId('timeline-public')
    this.attachments = page.getByTestId('ticket-attachments')
    this.attachmentNames = page.getByTestId('ticket-attachment-name')
    this.sla = page.getByTestId('ticket-sla')
    this.satisfaction = page.getByTestId('ticket-satisfaction')
    this.notFound = page.getByTestId('ticket-not-found')
  }

  action(name: string): Locator {
    return this.page.getByTestId(`ticket-action-${name}`)
  }

  async expectStatus(status: string): Promise<void> {
    await expect(this.status.getByTestId(`ticket-status-${status}`)).toBeVisible()
  }

  /** Take a transition; `text` fills its required reason, message or result. */
  async take(name: string, text?: string): Promise<void> {
    await this.action(name).click()
    const dialog = this.page.getByTestId('ticket-action-dialog')
    await expect(dialog).toBeVisible()
    if (text !== undefined) await dialog.getByTestId('ticket-action-text').fill(text)
    await dialog.getByTestId('ticket-action-submit').click()
    await expect(dialog).toBeHidden()
  }

  async assignTo(name: string): Promise<void> {
    await this.page.getByTestId('ticket-assign').click()
    const dialog = this.page.getByTestId('ticket-assign-dialog')
    await dialog.getByTestId('ticket-assign-select').click()
    const option = this.page.getByRole('option', { name, exact: true })
    await expect(option).toBeVisible()
    await option.click()
    await expect(dialog.getByTestId('ticket-assign-select')).toContainText(name)
    await dialog.getByTestId('ticket-assign-submit').click()
    await expect(dialog).toBeHidden()
    await expect(this.assignee).toHaveText(name)
  }

  async write(text: string, internal: boolean): Promise<void> {
    await this.page.getByTestId(internal ? 'composer-internal' : 'composer-public').click()
    await this.page.getByTestId('composer-body').fill(text)
    await this.page.getByTestId('composer-send').click()
  }

  async upload(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByTestId('ticket-upload').locator('input[type=file]').setInputFiles(file)
  }
}
