import { OfficeBuilding } from '@element-plus/icons-vue'
import type { Feature } from '../../shared/feature'
import messages from './messages'

const feature: Feature = {
  routes: [
    {
      path: 'enterprises',
      name: 'enterprises',
      component: () => import('./pages/EnterpriseListPage.vue'),
      meta: { permission: 'REGISTRY_READ' },
    },
    {
      path: 'enterprises/import',
      name: 'enterprise-import',
      component: () => import('./pages/EnterpriseImportPage.vue'),
      meta: { permission: 'REGISTRY_IMPORT', menu: 'enterprises' },
    },
    {
      path: 'enterprises/:id',
      name: 'enterprise',
      component: () => import('./pages/EnterpriseDetailPage.vue'),
      props: true,
      meta: { permission: 'REGISTRY_READ', menu: 'enterprises' },
    },
  ],
  menu: [{ name: 'enterprises', label: 'enterprise.menu', icon: OfficeBuilding, permission: 'REGISTRY_READ', order: 10 }],
  messages,
}

export default feature
