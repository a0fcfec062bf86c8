/** One line that says what a timeline entry did, from its kind and data (the body, if any, is shown as is). */
import type { JsonValue } from '@/shared/graphql/scalars'
import type { TicketEventKind } from '@/shared/graphql/generated/graphql'

export interface Phrase {
  key: string
  params?: Record<string, string | number>
  /** Params that are statuses, to be translated as such. */
  statuses?: Record<string, string>
}

function field(data: JsonValue, name: string): JsonValue | undefined {
  return data && typeof data === 'object' && !Array.isArray(data) ? data[name] : undefined
}

export function eventPhrase(kind: TicketEventKind, data: JsonValue): Phrase | null {
  switch (kind) {
    case 'STATUS_CHANGED': {
      const from = field(data, 'from')
      const to = field(data, 'to')
      return typeof from === 'string' && typeof to === 'string'
        ? { key: 'ticket.eventDetail.statusChange', statuses: { from, to } }
        : null
    }
    case 'ASSIGNED':
      return { key: field(data, 'assignee_id') ? 'ticket.eventDetail.assigned' : 'ticket.eventDetail.backToQueue' }
    case 'EXTENSION_REQUESTED': {
      const hours = field(data, 'extra_hours')
      return typeof hours === 'number' ? { key: 'ticket.eventDetail.extraHours', params: { n: hours } } : null
    }
    case 'EXTENSION_DECIDED':
      return { key: field(data, 'approved') ? 'ticket.eventDetail.approved' : 'ticket.eventDetail.refused' }
    case 'ESCALATED': {
      const level = field(data, 'level')
      return typeof level === 'number' ? { key: 'ticket.eventDetail.level', params: { n: level } } : null
    }
    default:
      return null
  }
}
