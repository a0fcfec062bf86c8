/** The queue's filters as the URL carries them (links.md): `/tickets?view=queue|mine&status=A,B&overdue=yes
 * &chain=<id>&category=<id>&q=`, and as the API's TicketFilterInput. */
import type { LocationQuery } from 'vue-router'
import type { TicketFilterInput, TicketStatus } from '@/shared/graphql/generated/graphql'

export const TICKET_STATUSES: readonly TicketStatus[] = [
  'NEW',
  'ACCEPTED',
  'IN_PROGRESS',
  'WAITING_ON_ENTERPRISE',
  'REOPENED',
  'RESOLVED',
  'CLOSED',
  'REJECTED',
  'DUPLICATE',
]

export type QueueView = 'queue' | 'mine'

export interface QueueFilters {
  view: QueueView
  statuses: TicketStatus[]
  overdue: boolean
  chainId: string
  categoryId: string
  search: string
}

function text(query: LocationQuery, key: string): string {
  const value = query[key]
  return typeof value === 'string' ? value : ''
}

export function filtersFromQuery(query: LocationQuery): QueueFilters {
  const statuses = text(query, 'status')
    .split(',')
    .filter((s): s is TicketStatus => (TICKET_STATUSES as readonly string[]).includes(s))
  return {
    view: text(query, 'view') === 'mine' ? 'mine' : 'queue',
    statuses: [...new Set(statuses)],
    overdue: text(query, 'overdue') === 'yes',
    chainId: text(query, 'chain'),
    categoryId: text(query, 'category'),
    search: text(query, 'q'),
  }
}

/** Only what differs from the defaults, so the plain queue is plain `/tickets`. */
export function queryFromFilters(f: QueueFilters): Record<string, string> {
  const query: Record<string, string> = {}
  if (f.view === 'mine') query.view = 'mine'
  if (f.statuses.length) query.status = f.statuses.join(',')
  if (f.overdue) query.overdue = 'yes'
  if (f.chainId) query.chain = f.chainId
  if (f.categoryId) query.category = f.categoryId
  if (f.search.trim()) query.q = f.search.trim()
  return query
}

/** "mine" is the viewer's own tickets: those assigned to them. */
export function apiFilter(f: QueueFilters, viewerId: string | undefined): TicketFilterInput {
  return {
    statuses: f.statuses.length ? f.statuses : null,
    overdue: f.overdue,
    chainId: f.chainId || null,
    categoryId: f.categoryId || null,
    search: f.search.trim() || null,
    assigneeId: f.view === 'mine' ? (viewerId ?? null) : null,
  }
}
