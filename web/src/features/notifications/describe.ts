/** A notification in words and where it leads: its kind and data make the sentence, its subject the link. */
import type { RouteLocationRaw } from 'vue-router'
import type { NotificationSubjectType } from '@/shared/graphql/generated/graphql'
import type { JsonValue } from '@/shared/graphql/scalars'

export interface NotificationLike {
  kind: string
  data: JsonValue
  subject?: { type: NotificationSubjectType; id: string } | null
}

type Translate = (key: string, params?: Record<string, unknown>) => string
type Knows = (key: string) => boolean

function field(data: JsonValue, key: string): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined
  const value = data[key]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined
}

/** A word from `prefix.value` if there is one, else the value as the server sent it. */
function word(t: Translate, te: Knows, prefix: string, value: string | undefined): string {
  if (!value) return ''
  return te(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value
}

export function notificationText(n: NotificationLike, t: Translate, te: Knows): { title: string; detail: string | null } {
  const data = n.data
  const status =
    n.kind === 'FUNDS_APPLICATION'
      ? word(t, te, 'notifications.fundStatus', field(data, 'status'))
      : word(t, te, 'notifications.ticketStatus', field(data, 'to'))
  const params = {
    title: field(data, 'title') ?? '',
    status,
    count: field(data, 'count') ?? '',
    role: word(t, te, 'roles', field(data, 'role')),
    year: field(data, 'year') ?? '',
  }
  const key = te(`notifications.kind.${n.kind}`) ? `notifications.kind.${n.kind}` : 'notifications.kind.other'
  const reason = field(data, 'reason')
  return { title: t(key, params), detail: reason ? t('notifications.reason', { reason }) : null }
}

/** The console's screens of each subject (route names of the shared URL contract). A frame with screens of
 * its own (the portal) passes its own. */
export interface SubjectRoutes {
  ticket: string
  application: string
  applications: string
  batch: string
  calendar: string
}

export const CONSOLE_ROUTES: SubjectRoutes = {
  ticket: 'ticket',
  application: 'fund-application',
  applications: 'fund-applications',
  batch: 'fund-batch',
  calendar: 'platform-calendar',
}

/** Where the notification leads, or null when it leads nowhere this app has a screen for. */
export function subjectRoute(
  n: NotificationLike,
  hasRoute: (name: string) => boolean,
  routes: SubjectRoutes = CONSOLE_ROUTES,
): RouteLocationRaw | null {
  const subject = n.subject
  const named = (name: string, id?: string): RouteLocationRaw | null =>
    hasRoute(name) ? (id ? { name, params: { id } } : { name }) : null
  if (n.kind === 'HOLIDAY_CALENDAR_NEXT_YEAR_MISSING') return named(routes.calendar)
  switch (subject?.type) {
    case 'TICKET':
      return named(routes.ticket, subject.id)
    case 'FUND_APPLICATION':
      // The application's own page where there is one, else the list of applications.
      return named(routes.application, subject.id) ?? named(routes.applications)
    case 'PAYMENT_BATCH':
      return named(routes.batch, subject.id)
    default:
      return null
  }
}
