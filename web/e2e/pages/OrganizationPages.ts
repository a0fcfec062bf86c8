import { expect, type Locator, type Page } from '@playwright/test'

/** Element Plus selects open a popper outside the field: pick the option by its visible label. */
export async function choose(page: Page, field: Locator, option: string): Promise<void> {
  await field.click()
  await page.getByRole('option', { name: option, exact: true }).last().click()
}

/** A remote (search-as-you-type) select: type, then pick the option. */
export async function searchAndChoose(page: Page, field: Locator, text: string, option = text): Promise<void> {
  await field.click()
  await field.locator('input').fill(text)
  await page.getByRole('option', { name: option, exact: true }).last().click()
}

export class OrganizationListPage {
  readonly root: Locator
  readonly links: Locator
  readonly search: Locator
  readonly create: Locator
  readonly tree: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('organization-list')
    this.links = page.getByTestId('organization-link')
    this.search = page.getByTestId('organization-search')
    this.create = page.getByTestId('organization-create')
    this.tree = page.getByTestId('organization-tree')
  }

  async open(): Promise<void> {
    await this.page.goto('/organizations')
    await expect(this.root).toBeVisible()
  }

  async createOrganization(name: string, kind: string, enterprise: string): Promise<void> {
    await this.create.click()
    const dialog = this.page.getByTestId('organization-form')
    await dialog.getByTestId('organization-name').fill(name)
    await choose(this.page, dialog.getByTestId('organization-kind'), kind)
    await searchAndChoose(this.page, dialog.getByTestId('organization-enterprises'), enterprise)
    await dialog.getByTestId('organization-save').click()
  }
}

export class OrganizationDetailPage {
  readonly name: Locator
  readonly status: Locator
  readonly secretary: Locator

  constructor(readonly page: Page) {
    this.name = page.getByTestId('organization-name')
    this.status = page.getByTestId('organization-detail').getByTestId('organization-status')
    this.secretary = page.getByTestId('organization-secretary')
  }

  async addMember(name: string, idCard: string): Promise<void> {
    await this.page.getByTestId('action-add-member').click()
    const dialog = this.page.getByTestId('member-form')
    await dialog.getByTestId('member-name').fill(name)
    await dialog.getByTestId('member-id-card-input').fill(idCard)
    await dialog.getByTestId('member-save').click()
    await expect(dialog).toBeHidden()
  }

  async form(): Promise<void> {
    await this.page.getByTestId('action-form').click()
    await this.page.getByTestId('lifecycle-form').getByTestId('lifecycle-confirm').click()
  }

  async setSecretary(member: string): Promise<void> {
    await this.page.getByTestId('action-secretary').click()
    const dialog = this.page.getByTestId('secretary-dialog')
    await choose(this.page, dialog.getByTestId('secretary-member'), member)
    await dialog.getByTestId('secretary-save').click()
    await expect(dialog).toBeHidden()
  }
}
