/** What a notification is about, for the portal: the words to show and the page it opens. */
import type { RouteLocationRaw } from 'vue-router'

type Data = Record<string, unknown>

/** The API's global ID of a row whose UUID a notification carries (graphql/relay.py encode_id). */
export function globalId(typeName: string, uuid: string): string {
  return btoa(`${typeName}:${uuid}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

export interface NotificationView {
  /** i18n key and values of its headline. */
  key: string
  values: Record<string, string>
  to: RouteLocationRaw | null
}

export function describeNotification(kind: string, data: Data, statusWord: (scope: 'ticket' | 'fund', status: string) => string): NotificationView {
  const str = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '')
  if (kind === 'FUNDS_APPLICATION' && str('application_id')) {
    return {
      key: 'portal.notifications.fund',
      values: { status: statusWord('fund', str('status')), reason: str('reason') },
      to: { name: 'portal-fund', params: { id: globalId('FundApplication', str('application_id')) } },
    }
  }
  if (kind.startsWith('TICKET_') && str('ticket_id')) {
    const status = str('to')
    return {
      key: status ? 'portal.notifications.ticketStatus' : 'portal.notifications.ticket',
      values: { title: str('title'), status: status ? statusWord('ticket', status) : '' },
      to: { name: 'portal-ticket', params: { id: globalId('Ticket', str('ticket_id')) } },
    }
  }
  return { key: 'portal.notifications.other', values: { kind }, to: null }
}
