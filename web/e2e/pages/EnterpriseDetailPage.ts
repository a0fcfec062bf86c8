import { expect, type Locator, type Page } from '@playwright/test'

export type EnterpriseTab = 'profile' | 'organizations' | 'members' | 'liaison' | 'tickets' | 'funds' | 'history'

export class EnterpriseDetailPage {
  readonly root: Locator
  readonly name: Locator
  readonly creditCode: Locator
  readonly area: Locator
  readonly back: Locator
  readonly edit: Locator
  readonly archiveToggle: Locator
  readonly archived: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('enterprise-detail')
    this.name = page.getByTestId('enterprise-name')
    this.creditCode = page.getByTestId('enterprise-credit-code')
    this.area = page.getByTestId('enterprise-area')
    this.back = page.getByTestId('back-to-list')
    this.edit = page.getByTestId('enterprise-edit')
    this.archiveToggle = page.getByTestId('enterprise-archive-toggle')
    this.archived = page.getByTestId('enterprise-archived')
  }

  async openTab(name: RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click()
  }

  /** Tabs by their pane name (Element Plus gives each tab the id `tab-<name>`). */
  async show(tab: EnterpriseTab): Promise<void> {
    await this.page.locator(`#tab-${tab}`).click()
    await expect(this.page.locator(`#pane-${tab}`)).toBeVisible()
  }

  pane(tab: EnterpriseTab): Locator {
    return this.page.locator(`#pane-${tab}`)
  }

  /** Confirms the archive or restore question. */
  async toggleArchived(): Promise<void> {
    await this.archiveToggle.click()
    await this.page.locator('.el-message-box').getByRole('button').last().click()
  }
}
