import { DataAnalysis } from '@element-plus/icons-vue'
import type { Feature } from '../../shared/feature'
import messages from './messages'

const feature: Feature = {
  routes: [
    {
      path: 'dashboard',
      name: 'dashboard',
      component: () => import('./pages/DashboardPage.vue'),
      meta: { permission: 'REGISTRY_READ' },
    },
  ],
  menu: [{ name: 'dashboard', label: 'dashboard.menu', icon: DataAnalysis, permission: 'REGISTRY_READ', order: 0 }],
  messages,
}

export default feature
