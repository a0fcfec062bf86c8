import type { Feature } from '../../shared/feature'

const feature: Feature = {
  rootRoutes: [{ path: '/sign-in', name: 'sign-in', component: () => import('./pages/SignInPage.vue'), meta: { public: true } }],
}

export default feature
