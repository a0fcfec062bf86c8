/** Tickets made through the API, as the enterprise's contact raises them: the data a test changes is the
 * data it created (the demo park grows; nothing here relies on its counts). */
import { expect, type APIRequestContext } from '@playwright/test'
import { DEMO_PASSWORD } from '../support'

export const CONTACT = 'contact@boxiang.dev'

export async function call<T>(request: APIRequestContext, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  expect(response.ok()).toBeTruthy()
  const body = (await response.json()) as { data?: T; errors?: unknown[] }
  expect(body.errors ?? []).toEqual([])
  return body.data as T
}

export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  const data = await call<{ login: { accessToken: string | null } }>(
    request,
    null,
    'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
    { input: { email, password: DEMO_PASSWORD } },
  )
  expect(data.login.accessToken).toBeTruthy()
  return data.login.accessToken!
}

export interface RaisedTicket {
  id: string
  title: string
}

/** A new problem of the contact's enterprise (湖南博翔新材料, in the 新材料 chain's queue). */
export async function raiseTicketAsContact(request: APIRequestContext, title: string, priority = 'HIGH'): Promise<RaisedTicket> {
  const token = await apiToken(request, CONTACT)
  const found = await call<{
    enterprises: { nodes: { id: string }[] }
    ticketCategories: { id: string; aspects: { id: string }[] }[]
  }>(request, token, '{ enterprises(first: 1) { nodes { id } } ticketCategories { id aspects { id } } }')
  const category = found.ticketCategories.find((c) => c.aspects.length > 0)
  const enterprise = found.enterprises.nodes[0]
  expect(category && enterprise).toBeTruthy()
  const created = await call<{ createTicket: { ticket: RaisedTicket | null; userErrors: unknown[] } }>(
    request,
    token,
    'mutation($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id title } userErrors { field code } } }',
    {
      input: {
        enterpriseId: enterprise!.id,
        title,
        description: '新产线需要用电增容 800 kVA，供电公司审批已两个月未果，影响投产。',
        categoryId: category!.id,
        aspectId: category!.aspects[0]!.id,
        priority,
      },
    },
  )
  expect(created.createTicket.userErrors).toEqual([])
  return created.createTicket.ticket!
}

/** A GraphQL call as one of the demo people. */
export async function callAs<T>(request: APIRequestContext, email: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return call<T>(request, await apiToken(request, email), query, variables)
}
