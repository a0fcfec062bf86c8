import { Coin, Files, Memo, Stamp, Wallet } from '@element-plus/icons-vue'
import type { Feature } from '../../shared/feature'
import messages from './messages'

const feature: Feature = {
  routes: [
    {
      path: 'funds/inbox',
      name: 'fund-inbox',
      component: () => import('./pages/FundInboxPage.vue'),
      meta: { permission: ['FUNDS_REVIEW', 'FUNDS_APPROVE'], anyPermission: true },
    },
    {
      path: 'funds/applications',
      name: 'fund-applications',
      component: () => import('./pages/FundApplicationsPage.vue'),
      meta: { permission: 'FUNDS_READ' },
    },
    {
      path: 'funds/applications/:id',
      name: 'fund-application',
      component: () => import('./pages/FundApplicationPage.vue'),
      props: true,
      meta: { permission: 'FUNDS_READ', menu: 'fund-applications' },
    },
    {
      path: 'funds/programs',
      name: 'fund-programs',
      component: () => import('./pages/FundProgramsPage.vue'),
      meta: { permission: 'FUNDS_READ' },
    },
    {
      path: 'funds/batches',
      name: 'fund-batches',
      component: () => import('./pages/FundBatchesPage.vue'),
      meta: { permission: 'FUNDS_REPORT' },
    },
    {
      path: 'funds/batches/:id',
      name: 'fund-batch',
      component: () => import('./pages/FundBatchPage.vue'),
      props: true,
      meta: { permission: 'FUNDS_REPORT', menu: 'fund-batches' },
    },
    {
      path: 'funds/ledger',
      name: 'fund-ledger',
      component: () => import('./pages/FundLedgerPage.vue'),
      meta: { permission: 'FUNDS_REPORT' },
    },
  ],
  menu: [
    { name: 'fund-inbox', label: 'funds.menu.inbox', icon: Stamp, permission: ['FUNDS_REVIEW', 'FUNDS_APPROVE'], any: true, order: 40 },
    { name: 'fund-applications', label: 'funds.menu.applications', icon: Files, permission: 'FUNDS_READ', order: 41 },
    { name: 'fund-programs', label: 'funds.menu.programs', icon: Wallet, permission: 'FUNDS_READ', order: 42 },
    { name: 'fund-batches', label: 'funds.menu.batches', icon: Coin, permission: 'FUNDS_REPORT', order: 43 },
    { name: 'fund-ledger', label: 'funds.menu.ledger', icon: Memo, permission: 'FUNDS_REPORT', order: 44 },
  ],
  messages,
}

export default feature
