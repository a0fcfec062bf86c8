import type { Feature } from '../../shared/feature'
import messages from './messages'

const feature: Feature = {
  // Everyone signed in to a park has notifications: no permission, and the header's bell leads here.
  routes: [{ path: 'notifications', name: 'notifications', component: () => import('./pages/NotificationsPage.vue') }],
  messages,
}

export default feature
