/** The API as a test's other party: what staff do in their console, done over GraphQL so a portal test
 * can set up the step it checks (a ticket waiting on the enterprise, a returned application). */
import { expect, type APIRequestContext } from '@playwright/test'
import { DEMO_PASSWORD } from './support'

export const CONTACT = 'contact@boxiang.dev' // ENTERPRISE_CONTACT of 湖南博翔新材料科技有限公司
export const CHAIN_STAFF = 'newmaterials@changsha-hitech.dev' // CHAIN_STAFF of 新材料, its secretary
export const FINANCE = 'finance@changsha-hitech.dev'
export const BOXIANG = '湖南博翔新材料科技有限公司'

type Variables = Record<string, unknown>

export class Api {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  static async as(request: APIRequestContext, email: string): Promise<Api> {
    const answer = await post(request, null, 'mutation($input: LoginInput!) { login(input: $input) { accessToken userErrors { code } } }', {
      input: { email, password: DEMO_PASSWORD },
    })
    const token = (answer.login as { accessToken: string | null }).accessToken
    expect(token, `sign-in of ${email}`).toBeTruthy()
    return new Api(request, token!)
  }

  /** The data of a document that must succeed (no errors, no userErrors in the named payload). */
  async gql<T = Record<string, unknown>>(query: string, variables: Variables = {}, payload?: string): Promise<T> {
    const data = await post(this.request, this.token, query, variables)
    if (payload) expect((data[payload] as { userErrors: unknown[] }).userErrors, payload).toEqual([])
    return data as T
  }

  async enterpriseId(name: string): Promise<string> {
    const data = await this.gql<{ enterprises: { nodes: { id: string }[] } }>(
      'query($q: String) { enterprises(first: 1, filter: { search: $q }) { nodes { id } } }',
      { q: name },
    )
    return data.enterprises.nodes[0]!.id
  }

  /** The contact raises a ticket in the first category and aspect of the taxonomy; its ID. */
  async raiseTicket(title: string): Promise<string> {
    const categories = await this.gql<{ ticketCategories: { id: string; aspects: { id: string }[] }[] }>(
      '{ ticketCategories { id aspects { id } } }',
    )
    const category = categories.ticketCategories.find((c) => c.aspects.length > 0)!
    const data = await this.gql<{ createTicket: { ticket: { id: string } } }>(
      'mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } userErrors { field code message } } }',
      {
        input: {
          enterpriseId: await this.enterpriseId(BOXIANG),
          title,
          description: `${title}：端到端测试创建`,
          categoryId: category.id,
          aspectId: category.aspects[0]!.id,
        },
      },
      'createTicket',
    )
    return data.createTicket.ticket.id
  }

  async moveTicket(id: string, action: string, text?: string): Promise<void> {
    await this.gql(
      'mutation($input: TransitionTicketInput!) { transitionTicket(input: $input) { ticket { id } userErrors { field code message } } }',
      { input: { id, action, text } },
      'transitionTicket',
    )
  }

  /** A newly formed branch of 博翔 (three full members), so the test has an organisation that may apply. */
  async formedBranch(name: string): Promise<string> {
    const enterpriseId = await this.enterpriseId(BOXIANG)
    const chains = await this.gql<{ industryChains: { nodes: { id: string; name: string }[] } }>('{ industryChains(first: 50) { nodes { id name } } }')
    const chainId = chains.industryChains.nodes.find((c) => c.name === '新材料')!.id
    const created = await this.gql<{ createPartyOrganization: { partyOrganization: { id: string } } }>(
      `mutation($input: CreatePartyOrganizationInput!) {
         createPartyOrganization(input: $input) { partyOrganization { id } userErrors { field code message } } }`,
      { input: { name, kind: 'BRANCH', formationMode: 'BUSINESS_NEED', chainId, enterpriseIds: [enterpriseId] } },
      'createPartyOrganization',
    )
    const organizationId = created.createPartyOrganization.partyOrganization.id
    for (const member of ['甲', '乙', '丙']) {
      await this.gql(
        'mutation($input: CreateMemberInput!) { createMember(input: $input) { userErrors { field code message } } }',
        { input: { name: `${name.slice(0, 4)}${member}`, status: 'FULL', organizationId, enterpriseId, joinedOn: '2020-07-01' } },
        'createMember',
      )
    }
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
    await this.gql(
      'mutation($input: FormPartyOrganizationInput!) { formPartyOrganization(input: $input) { userErrors { field code message } } }',
      { input: { id: organizationId, formedOn: today } },
      'formPartyOrganization',
    )
    return organizationId
  }

  /** FINANCE_OFFICER: a batch of the given applications, executed; its ID. */
  async payInBatch(name: string, applicationIds: string[]): Promise<string> {
    const created = await this.gql<{ createPaymentBatch: { paymentBatch: { id: string } } }>(
      'mutation($input: CreatePaymentBatchInput!) { createPaymentBatch(input: $input) { paymentBatch { id } userErrors { field code message } } }',
      { input: { name, applicationIds } },
      'createPaymentBatch',
    )
    const id = created.createPaymentBatch.paymentBatch.id
    await this.gql(
      'mutation($input: PaymentBatchIdInput!) { executePaymentBatch(input: $input) { paymentBatch { id } userErrors { field code message } } }',
      { input: { id } },
      'executePaymentBatch',
    )
    return id
  }

  async batchProgress(id: string): Promise<{ status: string; progress: { paid: number; failed: number } }> {
    const data = await this.gql<{ node: { status: string; progress: { paid: number; failed: number } } }>(
      'query($id: ID!) { node(id: $id) { ... on PaymentBatch { status progress { paid failed } } } }',
      { id },
    )
    return data.node
  }

  async reviewApplication(id: string, stage: 'CHAIN' | 'PARK', decision: 'APPROVE' | 'RETURN' | 'REJECT', reason?: string): Promise<void> {
    await this.gql(
      'mutation($input: ReviewFundApplicationInput!) { reviewFundApplication(input: $input) { userErrors { field code message } } }',
      { input: { id, stage, decision, reason } },
      'reviewFundApplication',
    )
  }
}

async function post(request: APIRequestContext, token: string | null, query: string, variables: Variables): Promise<Record<string, unknown>> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  expect(response.ok()).toBe(true)
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] }
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
  return body.data!
}
