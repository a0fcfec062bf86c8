/** Page objects of the administration screens: memberships, API keys, security events. */
import { expect, type Locator, type Page } from '@playwright/test'

/** The "are you sure?" of a ConfirmButton, answered yes. */
export async function confirm(page: Page, button: Locator): Promise<void> {
  await button.click()
  await page.getByTestId('confirm-yes').filter({ visible: true }).click()
}

export class MembershipsPage {
  readonly root: Locator
  readonly invite: Locator
  readonly search: Locator
  readonly includeRevoked: Locator
  readonly rows: Locator
  readonly outcome: Locator
  readonly dialog: Locator
  readonly secret: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('memberships')
    this.invite = page.getByTestId('membership-invite')
    this.search = page.getByTestId('membership-search')
    this.includeRevoked = page.getByTestId('membership-include-revoked')
    this.rows = page.getByTestId('membership-table').locator('tbody tr')
    this.outcome = page.getByTestId('membership-outcome')
    this.dialog = page.getByTestId('grant-dialog')
    this.secret = page.getByTestId('one-time-secret')
  }

  async open(): Promise<void> {
    await this.page.goto('/admin/memberships')
    await expect(this.rows.first()).toBeVisible()
  }

  row(email: string): Locator {
    return this.rows.filter({ hasText: email })
  }

  async grant(email: string, name: string, roleTestId: string): Promise<void> {
    await this.invite.click()
    await this.dialog.getByTestId('grant-email').fill(email)
    await this.dialog.getByTestId('grant-name').fill(name)
    await this.dialog.getByTestId('grant-role').click()
    await this.page.getByTestId(roleTestId).click()
    await this.dialog.getByTestId('grant-submit').click()
  }

  async find(text: string): Promise<void> {
    await this.search.fill(text)
    await expect(this.rows.filter({ hasText: text }).first()).toBeVisible()
  }
}

export class ApiKeysPage {
  readonly root: Locator
  readonly create: Locator
  readonly dialog: Locator
  readonly rows: Locator
  readonly secret: Locator
  readonly secretValue: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('api-keys')
    this.create = page.getByTestId('api-key-create')
    this.dialog = page.getByTestId('api-key-dialog')
    this.rows = page.getByTestId('api-key-table').locator('tbody tr')
    this.secret = page.getByTestId('one-time-secret')
    this.secretValue = this.secret.getByTestId('secret-value')
  }

  async open(): Promise<void> {
    await this.page.goto('/admin/api-keys')
    await expect(this.root).toBeVisible()
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name })
  }

  async createKey(name: string, scope: string): Promise<void> {
    await this.create.click()
    await this.dialog.getByTestId('api-key-name-input').fill(name)
    await this.dialog.getByTestId(`api-key-scope-${scope}`).click()
    await this.dialog.getByTestId('api-key-submit').click()
  }
}

export class AuditLogPage {
  readonly root: Locator
  readonly action: Locator
  readonly rows: Locator
  readonly actions: Locator
  readonly changes: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('audit-log')
    this.action = page.getByTestId('audit-filter-action')
    this.rows = page.getByTestId('audit-table').locator('tbody tr.el-table__row')
    this.actions = page.getByTestId('audit-action')
    this.changes = page.getByTestId('audit-changes')
  }

  async open(query = ''): Promise<void> {
    await this.page.goto(`/audit-log${query}`)
    await expect(this.actions.first()).toBeVisible()
  }

  /** The recorded actions of the rows shown. */
  async recordedActions(): Promise<string[]> {
    return this.actions.evaluateAll((els) => els.map((el) => el.getAttribute('data-action') ?? ''))
  }

  async expand(index: number): Promise<void> {
    await this.rows.nth(index).locator('.el-table__expand-icon').click()
  }
}
