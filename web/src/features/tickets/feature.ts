import { Histogram, Tickets } from '@element-plus/icons-vue'
import type { Feature } from '../../shared/feature'
import type { Requirement } from '../../shared/permissions'
import messages from './messages'

// Park-wide readers (admins, auditors) and whoever works tickets in their reach; the API scopes the rest.
const SEES_TICKETS: Requirement = ['TICKETS_READ', 'TICKETS_HANDLE']

const feature: Feature = {
  routes: [
    {
      path: 'tickets',
      name: 'tickets',
      component: () => import('./pages/TicketQueuePage.vue'),
      meta: { permission: SEES_TICKETS, anyPermission: true },
    },
    {
      path: 'tickets/stats',
      name: 'ticket-stats',
      component: () => import('./pages/TicketStatsPage.vue'),
      meta: { permission: SEES_TICKETS, anyPermission: true },
    },
    {
      path: 'tickets/:id',
      name: 'ticket',
      component: () => import('./pages/TicketDetailPage.vue'),
      props: true,
      meta: { permission: SEES_TICKETS, anyPermission: true, menu: 'tickets' },
    },
  ],
  menu: [
    { name: 'tickets', label: 'ticket.menu', icon: Tickets, permission: SEES_TICKETS, any: true, order: 30 },
    { name: 'ticket-stats', label: 'ticket.statsMenu', icon: Histogram, permission: SEES_TICKETS, any: true, order: 31 },
  ],
  messages,
}

export default feature
