/** Routes: sign-in is public; the console needs a session; each screen declares the permission it needs. */
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSession } from './shared/auth/session'
import { FEATURES, MENU } from './features'
import { isPortalUser } from './features/portal/home'
import type { Requirement } from './shared/permissions'
import { mayOpen } from './shared/access'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    permission?: Requirement
    /** `permission` lists alternatives: any one of them opens the screen. */
    anyPermission?: boolean
    /** The menu entry this page belongs to (a detail page lights its list's entry). */
    menu?: string
    /** Only platform admins open it (shared/access.ts). */
    platformAdmin?: boolean
  }
}

const routes: RouteRecordRaw[] = [
  ...FEATURES.flatMap((f) => f.rootRoutes ?? []),
  {
    path: '/',
    component: () => import('./shared/components/AppLayout.vue'),
    props: { menu: MENU },
    children: [
      {
        path: '',
        name: 'home',
        component: () => import('./shared/components/StatusPage.vue'),
        // beforeEnter, not redirect: it runs after the guard below has loaded the viewer, also on a reload.
        beforeEnter: () => {
          const session = useSession()
          if (isPortalUser(session.viewer?.roles)) return { name: 'portal' }
          return { name: MENU.find((e) => mayOpen(session, e))?.name ?? 'forbidden' }
        },
      },
      ...FEATURES.flatMap((f) => f.routes ?? []),
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
  // A temporary password allows nothing but its change (the API's PasswordChangeGate): change it first.
  if (session.mustChangePassword && to.name !== 'change-password') return { name: 'change-password', query: { redirect: to.fullPath } }
  const guarded = [...to.matched].reverse().find((r) => r.meta.permission !== undefined || r.meta.platformAdmin)
  if (guarded && !mayOpen(session, { permission: guarded.meta.permission, any: guarded.meta.anyPermission, platformAdmin: guarded.meta.platformAdmin }))
    return { name: 'forbidden' }
  return true
})
