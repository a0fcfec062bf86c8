import type { Feature } from '../../shared/feature'
import messages from './messages'

/** The enterprise contact's frame at /portal: its own top bar and bottom tabs, made for a phone. */
const feature: Feature = {
  rootRoutes: [
    {
      path: '/portal',
      component: () => import('./components/PortalLayout.vue'),
      children: [
        { path: '', name: 'portal', component: () => import('./pages/PortalHomePage.vue') },
        { path: 'tickets', name: 'portal-tickets', component: () => import('./pages/PortalTicketListPage.vue') },
        { path: 'tickets/new', name: 'portal-ticket-new', component: () => import('./pages/PortalRaiseTicketPage.vue') },
        { path: 'tickets/:id', name: 'portal-ticket', component: () => import('./pages/PortalTicketPage.vue'), props: true },
        {
          path: 'funds',
          name: 'portal-funds',
          component: () => import('./pages/PortalFundListPage.vue'),
          meta: { permission: 'FUNDS_READ' },
        },
        {
          path: 'funds/apply',
          name: 'portal-fund-apply',
          component: () => import('./pages/PortalFundFormPage.vue'),
          meta: { permission: 'FUNDS_APPLY' },
        },
        {
          path: 'funds/:id',
          name: 'portal-fund',
          component: () => import('./pages/PortalFundPage.vue'),
          props: true,
          meta: { permission: 'FUNDS_READ' },
        },
        {
          path: 'funds/:id/edit',
          name: 'portal-fund-edit',
          component: () => import('./pages/PortalFundFormPage.vue'),
          props: true,
          meta: { permission: 'FUNDS_APPLY' },
        },
        { path: 'notifications', name: 'portal-notifications', component: () => import('./pages/PortalNotificationsPage.vue') },
      ],
    },
  ],
  messages,
}

export default feature
