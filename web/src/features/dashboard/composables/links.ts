/** Where each dashboard figure leads: the filtered list, by route name and query (the shared URL contract).
 * A target that is not (yet) a route of this build gives no link, so a figure never leads to a dead page. */
import type { RouteLocationRaw, Router } from 'vue-router'
import type { FundApplicationStatus, TicketStatus } from '@/shared/graphql/generated/graphql'

export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['NEW', 'ACCEPTED', 'IN_PROGRESS', 'WAITING_ON_ENTERPRISE', 'REOPENED']
export const SOLVED_TICKET_STATUSES: readonly TicketStatus[] = ['RESOLVED', 'CLOSED']

export interface NamedLocation {
  name: string
  query?: Record<string, string>
  params?: Record<string, string>
}

export function ticketsLink(filter: { statuses?: readonly TicketStatus[]; overdue?: boolean }, chainId?: string | null): NamedLocation {
  const query: Record<string, string> = {}
  if (filter.statuses?.length) query.status = filter.statuses.join(',')
  if (filter.overdue) query.overdue = 'yes'
  if (chainId) query.chain = chainId
  return { name: 'tickets', query }
}

export function fundApplicationsLink(filter: { status?: FundApplicationStatus; programId?: string }): NamedLocation {
  const query: Record<string, string> = {}
  if (filter.status) query.status = filter.status
  if (filter.programId) query.program = filter.programId
  return { name: 'fund-applications', query }
}

export function enterprisesLink(filter: { chainId?: string | null; covered?: boolean; key?: boolean }): NamedLocation {
  const query: Record<string, string> = {}
  if (filter.chainId) query.chain = filter.chainId
  if (filter.key !== undefined) query.key = filter.key ? 'yes' : 'no'
  if (filter.covered !== undefined) query.covered = filter.covered ? 'yes' : 'no'
  return { name: 'enterprises', query }
}

/** The location when its route exists in this build, else null (the figure shows without a link). */
export function reachable(router: Pick<Router, 'hasRoute'>, to: NamedLocation): RouteLocationRaw | null {
  return router.hasRoute(to.name) ? to : null
}

/** A share 0..1 as "87.5%"; null (nothing to measure) as "—". */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`
}

/** Days in Asia/Shanghai: the last `days` calendar days up to today, as the API's PeriodInput. */
export function lastDays(days: number, now: Date = new Date()): { start: string; end: string } {
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d)
  return { start: day(new Date(now.getTime() - (days - 1) * 86_400_000)), end: day(now) }
}
