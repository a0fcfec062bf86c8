import { Connection, Location } from '@element-plus/icons-vue'
import type { Feature } from '../../shared/feature'
import messages from './messages'

const feature: Feature = {
  routes: [
    {
      path: 'liaison',
      name: 'liaison',
      component: () => import('./pages/LiaisonPage.vue'),
      meta: { permission: ['LIAISON_READ', 'LIAISON_MANAGE'], anyPermission: true },
    },
    {
      path: 'liaison/mine',
      name: 'liaison-mine',
      component: () => import('./pages/MyEnterprisesPage.vue'),
      meta: { permission: 'LIAISON_VISIT' },
    },
  ],
  menu: [
    { name: 'liaison-mine', label: 'liaison.mineMenu', icon: Location, permission: 'LIAISON_VISIT', order: 15 },
    { name: 'liaison', label: 'liaison.menu', icon: Connection, permission: ['LIAISON_READ', 'LIAISON_MANAGE'], any: true, order: 40 },
  ],
  messages,
}

export default feature
