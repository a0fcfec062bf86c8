import type { Feature } from '../../shared/feature'
import messages from './messages'

const feature: Feature = {
  rootRoutes: [
    { path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { public: true } },
    // Signed in, but no permission needed: a temporary password allows nothing else.
    { path: '/change-password', name: 'change-password', component: () => import('./pages/ChangePasswordPage.vue') },
  ],
  messages,
}

export default feature
