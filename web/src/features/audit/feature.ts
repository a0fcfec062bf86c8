import { Notebook } from '@element-plus/icons-vue'
import type { Feature } from '../../shared/feature'
import messages from './messages'

const feature: Feature = {
  routes: [
    {
      path: 'audit-log',
      name: 'audit-log',
      component: () => import('./pages/AuditLogPage.vue'),
      meta: { permission: 'AUDIT_READ' },
    },
  ],
  menu: [{ name: 'audit-log', label: 'audit.menu', icon: Notebook, permission: 'AUDIT_READ', order: 80 }],
  messages,
}

export default feature
