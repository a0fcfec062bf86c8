import { expect, type Locator, type Page } from '@playwright/test'

export interface EnterpriseFields {
  creditCode?: string
  name?: string
  area?: string
  employeeCount?: number
}

export class EnterpriseFormDialog {
  readonly root: Locator
  readonly save: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog').filter({ has: page.getByTestId('field-creditCode') })
    this.save = page.getByTestId('form-save')
  }

  /** Element Plus puts the attributes of an el-input on its <input>. */
  input(field: string): Locator {
    return this.root.getByTestId(`field-${field}`).locator('input')
  }

  /** The error Element Plus shows under a field. */
  fieldError(field: string): Locator {
    return this.root.getByTestId(`field-${field}`).locator('.el-form-item__error')
  }

  async fill(fields: EnterpriseFields): Promise<void> {
    await expect(this.root).toBeVisible()
    if (fields.creditCode !== undefined) await this.input('creditCode').fill(fields.creditCode)
    if (fields.name !== undefined) await this.input('name').fill(fields.name)
    if (fields.area !== undefined) await this.input('area').fill(fields.area)
    if (fields.employeeCount !== undefined) await this.input('employeeCount').fill(String(fields.employeeCount))
  }
}
