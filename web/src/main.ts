import urql from '@urql/vue'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { FEATURES } from './features'
import { router } from './router'
import { useSession } from './shared/auth/session'
import { currentLocale, i18n } from './shared/i18n'
import { canDirective } from './shared/permissions'
import './shared/theme.css'

const app = createApp(App)
app.use(createPinia())
const session = useSession()
// A session that ends anywhere (expired, revoked, signed out) lands on sign-in, saying why.
session.whenEnded((reason) => {
  const current = router.currentRoute.value
  // Before the first page is shown, the router's guard sends to sign-in itself.
  if (current.matched.length === 0) return
  const redirect = current.meta.public ? undefined : current.fullPath
  void router.replace({ name: 'sign-in', query: { reason, ...(redirect && reason !== 'signedOut' ? { redirect } : {}) } })
})
for (const feature of FEATURES) {
  for (const [locale, messages] of Object.entries(feature.messages ?? {})) i18n.global.mergeLocaleMessage(locale, messages)
}
document.documentElement.lang = currentLocale()
app.use(i18n).use(router).use(urql, session.client)
app.directive('can', canDirective(() => session.permissions))
app.mount('#app')
