/** Routes: sign-in is public; the console needs a session; each screen declares the permission it needs. */
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSession } from './shared/auth/session'
import { MENU } from './shared/navigation'
import type { Requirement } from './shared/permissions'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    permission?: Requirement
    /** The menu entry this page belongs to (a detail page lights its list's entry). */
    menu?: string
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/sign-in', name: 'sign-in', component: () => import('./features/tenancy/pages/SignInPage.vue'), meta: { public: true } },
  {
    path: '/',
    component: () => import('./shared/components/AppLayout.vue'),
    children: [
      { path: '', name: 'home', redirect: () => ({ name: MENU.find((e) => useSession().can(e.permission))?.name ?? 'forbidden' }) },
      {
        path: 'dashboard',
        name: 'dashboard',
        component: () => import('./features/dashboard/pages/DashboardPage.vue'),
        meta: { permission: 'REGISTRY_READ' },
      },
      {
        path: 'enterprises',
        name: 'enterprises',
        component: () => import('./features/registry/pages/EnterpriseListPage.vue'),
        meta: { permission: 'REGISTRY_READ' },
      },
      {
        path: 'enterprises/:id',
        name: 'enterprise',
        component: () => import('./features/registry/pages/EnterpriseDetailPage.vue'),
        props: true,
        meta: { permission: 'REGISTRY_READ', menu: 'enterprises' },
      },
      { path: 'forbidden', name: 'forbidden', component: () => import('./shared/components/StatusPage.vue'), props: { kind: 'forbidden' } },
      { path: ':pathMatch(.*)*', name: 'not-found', component: () => import('./shared/components/StatusPage.vue'), props: { kind: 'notFound' } },
    ],
  },
]

export const router = createRouter({ history: createWebHistory(), routes })

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const session = useSession()
  if (!session.signedIn) return { name: 'sign-in', query: { redirect: to.fullPath } }
  if (!session.viewer && !(await session.loadViewer()) && !session.signedIn) {
    // The session ended while loading (revoked or expired): say why.
    return { name: 'sign-in', query: { redirect: to.fullPath, ...(session.endedReason ? { reason: session.endedReason } : {}) } }
  }
  const required = to.matched.map((r) => r.meta.permission).find((p) => p !== undefined)
  if (required && !session.can(required)) return { name: 'forbidden' }
  return true
})
