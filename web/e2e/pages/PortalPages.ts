/** The enterprise portal's screens (features/portal), by their data-test names. */
import { expect, type Locator, type Page } from '@playwright/test'

export class PortalShell {
  readonly root: Locator
  readonly tabbar: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('portal')
    this.tabbar = page.getByTestId('portal-tabbar')
  }

  /** A tab of the bottom bar on a phone, of the top bar on a wide screen. */
  async openTab(name: 'portal' | 'portal-tickets' | 'portal-funds' | 'portal-notifications'): Promise<void> {
    const bottom = this.page.getByTestId(`portal-tab-${name}`)
    if (await bottom.isVisible()) await bottom.click()
    else await this.page.locator(`.wide-tabs a[href$="${name === 'portal' ? '/portal' : `/portal/${name.replace('portal-', '')}`}"]`).click()
  }
}

export class PortalHomePage {
  readonly root: Locator
  readonly enterpriseName: Locator
  readonly organizations: Locator
  readonly raise: Locator
  readonly apply: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('portal-home')
    this.enterpriseName = page.getByTestId('portal-enterprise-name')
    this.organizations = page.getByTestId('portal-organization')
    this.raise = page.getByTestId('portal-raise')
    this.apply = page.getByTestId('portal-apply')
  }

  figure(key: 'open' | 'waiting' | 'returned' | 'unread'): Locator {
    return this.page.getByTestId(`portal-figure-${key}`)
  }
}

/** Picks an option of an Element Plus select by its visible text (the popper is teleported to body). */
/** Opens `select` once any other dropdown has closed, so its options are the ones picked from. */
async function open(page: Page, select: Locator): Promise<void> {
  await expect(page.locator('.el-select-dropdown:visible')).toHaveCount(0)
  await select.click()
}

async function choose(page: Page, select: Locator, option: string | RegExp): Promise<void> {
  await open(page, select)
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').filter({ hasText: option }).first().click()
}

async function chooseFirst(page: Page, select: Locator): Promise<void> {
  await open(page, select)
  await page.locator('.el-select-dropdown:visible .el-select-dropdown__item').first().click()
}

export class PortalRaiseTicketPage {
  readonly root: Locator
  readonly category: Locator
  readonly aspect: Locator
  readonly title: Locator
  readonly description: Locator
  readonly submit: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('portal-raise-ticket')
    this.category = page.getByTestId('portal-ticket-category')
    this.aspect = page.getByTestId('portal-ticket-aspect')
    this.title = page.getByTestId('portal-ticket-title-input')
    this.description = page.getByTestId('portal-ticket-description')
    this.submit = page.getByTestId('portal-ticket-submit')
  }

  async raise(problem: { category?: string; title: string; description: string; files?: { name: string; mimeType: string; buffer: Buffer }[] }): Promise<void> {
    if (problem.category) await choose(this.page, this.category, problem.category)
    else await chooseFirst(this.page, this.category)
    await chooseFirst(this.page, this.aspect)
    await this.title.fill(problem.title)
    await this.description.fill(problem.description)
    if (problem.files) await this.root.locator('input[type=file]').setInputFiles(problem.files)
    await this.submit.click()
  }
}

export class PortalTicketListPage {
  readonly root: Locator
  readonly cards: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('portal-ticket-list')
    this.cards = page.getByTestId('portal-ticket-card')
  }

  card(title: string): Locator {
    return this.cards.filter({ hasText: title })
  }
}

export class PortalTicketPage {
  readonly root: Locator
  readonly heading: Locator
  readonly status: Locator
  readonly timeline: Locator
  readonly attachments: Locator
  readonly asked: Locator
  readonly addInfoBody: Locator
  readonly addInfoSubmit: Locator
  readonly rating: Locator
  readonly ratingComment: Locator
  readonly confirm: Locator
  readonly rated: Locator
  readonly reopenOpen: Locator
  readonly reopenReason: Locator
  readonly reopenSubmit: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('portal-ticket')
    this.heading = page.getByTestId('portal-ticket-heading')
    this.status = page.getByTestId('portal-ticket-detail-status')
    this.timeline = page.getByTestId('portal-timeline-entry')
    this.attachments = page.getByTestId('portal-ticket-attachments')
    this.asked = page.getByTestId('portal-info-asked')
    this.addInfoBody = page.getByTestId('portal-add-info-body')
    this.addInfoSubmit = page.getByTestId('portal-add-info-submit')
    this.rating = page.getByTestId('portal-rating')
    this.ratingComment = page.getByTestId('portal-rating-comment')
    this.confirm = page.getByTestId('portal-confirm-submit')
    this.rated = page.getByTestId('portal-ticket-rated')
    this.reopenOpen = page.getByTestId('portal-reopen-open')
    this.reopenReason = page.getByTestId('portal-reopen-reason')
    this.reopenSubmit = page.getByTestId('portal-reopen-submit')
  }

  async open(id: string): Promise<void> {
    await this.page.goto(`/portal/tickets/${id}`)
    await expect(this.heading).toBeVisible()
  }

  async expectStatus(status: string): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', status)
  }

  async rate(stars: number, comment: string): Promise<void> {
    await this.rating.locator('.el-rate__item').nth(stars - 1).click()
    await this.ratingComment.fill(comment)
    await this.confirm.click()
  }

  async reopen(reason: string): Promise<void> {
    await this.reopenOpen.click()
    await this.reopenReason.fill(reason)
    await this.reopenSubmit.click()
  }
}

export class PortalFundFormPage {
  readonly root: Locator
  readonly program: Locator
  readonly organization: Locator
  readonly amount: Locator
  readonly accountName: Locator
  readonly bank: Locator
  readonly accountNumber: Locator
  readonly addDocument: Locator
  readonly submit: Locator
  readonly save: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('portal-fund-form')
    this.program = page.getByTestId('portal-fund-program')
    this.organization = page.getByTestId('portal-fund-organization')
    this.amount = page.getByTestId('portal-fund-amount-input')
    this.accountName = page.getByTestId('portal-fund-account-name')
    this.bank = page.getByTestId('portal-fund-bank')
    this.accountNumber = page.getByTestId('portal-fund-account-number')
    this.addDocument = page.getByTestId('portal-fund-add-document')
    this.submit = page.getByTestId('portal-fund-submit')
    this.save = page.getByTestId('portal-fund-save')
  }

  async fill(application: { program: string | RegExp; organization: string; amountYuan: string; bank: string; account: string; document?: { name: string; url: string } }): Promise<void> {
    await choose(this.page, this.program, application.program)
    await choose(this.page, this.organization, application.organization)
    await this.amount.fill(application.amountYuan)
    await this.bank.fill(application.bank)
    await this.accountNumber.fill(application.account)
    if (application.document) {
      await this.addDocument.click()
      await this.page.getByTestId('portal-fund-document-name').last().fill(application.document.name)
      await this.page.getByTestId('portal-fund-document-url').last().fill(application.document.url)
    }
  }

  /** The error Element Plus shows under a form item, found from the item's input. */
  fieldError(input: Locator): Locator {
    return this.page.locator('.el-form-item').filter({ has: input }).locator('.el-form-item__error')
  }
}

export class PortalFundPage {
  readonly root: Locator
  readonly status: Locator
  readonly banner: Locator
  readonly steps: Locator
  readonly amount: Locator
  readonly edit: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('portal-fund')
    this.status = page.getByTestId('portal-fund-detail-status')
    this.banner = page.getByTestId('portal-fund-banner')
    this.steps = page.getByTestId('portal-fund-step')
    this.amount = page.getByTestId('portal-fund-amount')
    this.edit = page.getByTestId('portal-fund-edit')
  }

  async expectStatus(status: string): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', status)
  }

  /** The global ID in the page's address. */
  id(): string {
    return decodeURIComponent(new URL(this.page.url()).pathname.split('/').pop()!)
  }

  step(action: string): Locator {
    return this.steps.and(this.page.locator(`[data-action="${action}"]`))
  }
}
