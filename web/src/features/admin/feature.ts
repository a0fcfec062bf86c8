import { Key, Lock, User } from '@element-plus/icons-vue'
import type { Feature } from '../../shared/feature'
import messages from './messages'

const feature: Feature = {
  routes: [
    {
      path: 'admin/memberships',
      name: 'admin-memberships',
      component: () => import('./pages/MembershipsPage.vue'),
      meta: { permission: 'MEMBERSHIPS_MANAGE' },
    },
    {
      path: 'admin/api-keys',
      name: 'admin-api-keys',
      component: () => import('./pages/ApiKeysPage.vue'),
      meta: { permission: 'API_KEYS_MANAGE' },
    },
    {
      // The API opens security events to PARK_ADMIN and AUDITOR: both read the audit log and the park's people.
      path: 'admin/security',
      name: 'admin-security',
      component: () => import('./pages/SecurityEventsPage.vue'),
      meta: { permission: ['AUDIT_READ', 'MEMBERSHIPS_READ'] },
    },
  ],
  menu: [
    { name: 'admin-memberships', label: 'admin.menu.memberships', icon: User, permission: 'MEMBERSHIPS_MANAGE', order: 90 },
    { name: 'admin-api-keys', label: 'admin.menu.apiKeys', icon: Key, permission: 'API_KEYS_MANAGE', order: 91 },
    { name: 'admin-security', label: 'admin.menu.security', icon: Lock, permission: ['AUDIT_READ', 'MEMBERSHIPS_READ'], order: 92 },
  ],
  messages,
}

export default feature
