import { Flag } from '@element-plus/icons-vue'
import type { Feature } from '../../shared/feature'
import messages from './messages'

const feature: Feature = {
  routes: [
    {
      path: 'organizations',
      name: 'organizations',
      component: () => import('./pages/OrganizationListPage.vue'),
      meta: { permission: 'REGISTRY_READ' },
    },
    {
      path: 'organizations/:id',
      name: 'organization',
      component: () => import('./pages/OrganizationDetailPage.vue'),
      props: true,
      meta: { permission: 'REGISTRY_READ', menu: 'organizations' },
    },
  ],
  menu: [{ name: 'organizations', label: 'organizations.menu', icon: Flag, permission: 'REGISTRY_READ', order: 20 }],
  messages,
}

export default feature
