/** How the contact's ticket list is cut: what is being handled, what waits for the contact, what is done. */
import type { TicketStatus } from '@/shared/graphql/generated/graphql'

export const TICKET_VIEWS = ['all', 'open', 'waiting', 'done'] as const
export type TicketView = (typeof TICKET_VIEWS)[number]

const STATUSES: Record<Exclude<TicketView, 'all'>, TicketStatus[]> = {
  open: ['NEW', 'ACCEPTED', 'IN_PROGRESS', 'REOPENED'],
  // The contact's move: information was asked for, or a resolution waits for its confirmation.
  waiting: ['WAITING_ON_ENTERPRISE', 'RESOLVED'],
  done: ['CLOSED', 'REJECTED', 'DUPLICATE'],
}

export function ticketView(value: unknown): TicketView {
  return TICKET_VIEWS.find((v) => v === value) ?? 'all'
}

export function statusesOf(view: TicketView): TicketStatus[] | null {
  return view === 'all' ? null : STATUSES[view]
}

export function waitsOnContact(status: TicketStatus): boolean {
  return STATUSES.waiting.includes(status)
}

/** Element Plus tag type for a status, so the list and the detail colour it alike. */
export function statusTagType(status: TicketStatus): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  if (waitsOnContact(status)) return 'warning'
  if (status === 'CLOSED') return 'success'
  if (status === 'REJECTED' || status === 'DUPLICATE') return 'info'
  return 'primary'
}
