/** The funds workflow through the API, for specs that set up what their screens then work on: a program
 * of its own, an application drafted and submitted by the demo contact, its reviews, a batch. */
import { expect, type APIRequestContext } from '@playwright/test'
import { DEMO_PASSWORD, PARK_ADMIN } from '../support'

export const CHAIN_STAFF = 'newmaterials@changsha-hitech.dev' // 新材料 chain committee
export const CONTACT = 'contact@boxiang.dev' // 博翔新材料's Party contact
export const FINANCE = 'finance@changsha-hitech.dev'
export const AUDITOR = 'auditor@changsha-hitech.dev'
/** The demo contact's formed branch (services/demo.py). */
export const BRANCH = '湖南博翔新材料科技有限公司党支部'
/** The treasury simulator declines accounts ending 0001 for good (infra/treasury_sim.py). */
export const DECLINED_ACCOUNT = '6222020288880001'
export const GOOD_ACCOUNT = '6222020288881234'

type Variables = Record<string, unknown>
interface UserError {
  field: string[] | null
  code: string
  message: string
}

const NON_STARTUP_KINDS = ['DUES_REBATE', 'POSITION_SUBSIDY', 'SECRETARY_ALLOWANCE', 'ACTIVITY_FUND'] as const

export class FundApi {
  private tokens = new Map<string, string>()

  constructor(readonly request: APIRequestContext) {}

  async gql<T>(email: string, query: string, variables: Variables = {}): Promise<T> {
    const response = await this.request.post('/graphql', {
      data: { query, variables },
      headers: { Authorization: `Bearer ${await this.token(email)}` },
    })
    expect(response.ok()).toBeTruthy()
    const body = (await response.json()) as { data?: T; errors?: unknown[] }
    expect(body.errors ?? []).toEqual([])
    return body.data as T
  }

  private async token(email: string): Promise<string> {
    const known = this.tokens.get(email)
    if (known) return known
    const response = await this.request.post('/graphql', {
      data: {
        query: 'mutation L($input: LoginInput!) { login(input: $input) { accessToken userErrors { code } } }',
        variables: { input: { email, password: DEMO_PASSWORD } },
      },
    })
    const body = (await response.json()) as { data: { login: { accessToken: string | null } } }
    const token = body.data.login.accessToken
    if (!token) throw new Error(`cannot sign in as ${email}`)
    this.tokens.set(email, token)
    return token
  }

  /** A program of its own (a kind and a far fiscal year nobody else uses), 1,000,000 yuan, 1,000–5,000 each. */
  async createProgram(name: string): Promise<{ id: string; fiscalYear: number }> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const kind = NON_STARTUP_KINDS[Math.floor(Math.random() * NON_STARTUP_KINDS.length)]
      const fiscalYear = 2030 + Math.floor(Math.random() * 70)
      const data = await this.gql<{ createFundProgram: { fundProgram: { id: string } | null; userErrors: UserError[] } }>(
        PARK_ADMIN,
        `mutation P($input: CreateFundProgramInput!) {
          createFundProgram(input: $input) { fundProgram { id } userErrors { field code message } }
        }`,
        {
          input: {
            kind,
            fiscalYear,
            name,
            budgetFen: 100_000_000,
            amountRule: { minFen: 100_000, maxFen: 500_000, defaultFen: 300_000 },
          },
        },
      )
      const program = data.createFundProgram.fundProgram
      if (program) return { id: program.id, fiscalYear }
      expect(data.createFundProgram.userErrors.map((e) => e.code)).toEqual(['PROGRAM_EXISTS'])
    }
    throw new Error('no free program kind and year')
  }

  async branchId(): Promise<string> {
    const data = await this.gql<{ enterprises: { nodes: { organizations: { id: string; name: string }[] }[] } }>(
      CONTACT,
      '{ enterprises(first: 10) { nodes { organizations { id name } } } }',
    )
    const branch = data.enterprises.nodes.flatMap((e) => e.organizations).find((o) => o.name === BRANCH)
    if (!branch) throw new Error(`${BRANCH} not found`)
    return branch.id
  }

  /** Drafted and submitted by the demo contact for its branch: it waits for the chain's review. */
  async submittedApplication(programId: string, accountNumber = GOOD_ACCOUNT): Promise<string> {
    const drafted = await this.gql<{ draftFundApplication: { fundApplication: { id: string } | null; userErrors: UserError[] } }>(
      CONTACT,
      `mutation D($input: DraftFundApplicationInput!) {
        draftFundApplication(input: $input) { fundApplication { id } userErrors { field code message } }
      }`,
      {
        input: {
          programId,
          organizationId: await this.branchId(),
          payee: { accountName: '湖南博翔新材料科技有限公司', bank: '长沙银行麓谷支行', accountNumber },
          documents: [{ name: '党支部活动计划.pdf', url: 'https://files.example.cn/plan.pdf', sizeBytes: 20480 }],
        },
      },
    )
    expect(drafted.draftFundApplication.userErrors).toEqual([])
    const id = drafted.draftFundApplication.fundApplication!.id
    const submitted = await this.gql<{ submitFundApplication: { userErrors: UserError[] } }>(
      CONTACT,
      'mutation S($id: ID!) { submitFundApplication(input: {id: $id}) { userErrors { field code message } } }',
      { id },
    )
    expect(submitted.submitFundApplication.userErrors).toEqual([])
    return id
  }

  async approve(email: string, id: string, stage: 'CHAIN' | 'PARK'): Promise<void> {
    const data = await this.gql<{ reviewFundApplication: { userErrors: UserError[] } }>(
      email,
      `mutation R($input: ReviewFundApplicationInput!) {
        reviewFundApplication(input: $input) { userErrors { field code message } }
      }`,
      { input: { id, stage, decision: 'APPROVE' } },
    )
    expect(data.reviewFundApplication.userErrors).toEqual([])
  }

  /** Submitted, reviewed by the chain and approved by the park: ready for a payment batch. */
  async approvedApplication(programId: string, accountNumber = GOOD_ACCOUNT): Promise<string> {
    const id = await this.submittedApplication(programId, accountNumber)
    await this.approve(CHAIN_STAFF, id, 'CHAIN')
    await this.approve(PARK_ADMIN, id, 'PARK')
    return id
  }

  async draftBatch(name: string, applicationIds: string[]): Promise<string> {
    const data = await this.gql<{ createPaymentBatch: { paymentBatch: { id: string } | null; userErrors: UserError[] } }>(
      FINANCE,
      `mutation B($input: CreatePaymentBatchInput!) {
        createPaymentBatch(input: $input) { paymentBatch { id } userErrors { field code message } }
      }`,
      { input: { name, applicationIds } },
    )
    expect(data.createPaymentBatch.userErrors).toEqual([])
    return data.createPaymentBatch.paymentBatch!.id
  }
}

/** Names no other test or run shares, so a spec finds its own rows among the demo park's. */
export function unique(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`
}
