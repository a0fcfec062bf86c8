import { User } from '@element-plus/icons-vue'
import type { Feature } from '../../shared/feature'
import messages from './messages'

const feature: Feature = {
  routes: [
    { path: 'members', name: 'members', component: () => import('./pages/MemberListPage.vue'), meta: { permission: 'REGISTRY_READ' } },
    {
      path: 'members/:id',
      name: 'member',
      component: () => import('./pages/MemberDetailPage.vue'),
      props: true,
      meta: { permission: 'REGISTRY_READ', menu: 'members' },
    },
  ],
  menu: [{ name: 'members', label: 'members.menu', icon: User, permission: 'REGISTRY_READ', order: 30 }],
  messages,
}

export default feature
