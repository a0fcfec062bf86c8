/** Whose figures the dashboard shows: the whole park for park-wide staff; a CHAIN_STAFF member's own chain
 * (the API scopes it too, and refuses the park's coverage to them). */
import { useQuery } from '@urql/vue'
import { computed } from 'vue'
import { useSession } from '@/shared/auth/session'
import type { Role } from '@/shared/graphql/generated/graphql'
import { MyChainDocument } from '../documents'

const PARK_WIDE: readonly Role[] = ['PARK_ADMIN', 'AUDITOR', 'FINANCE_OFFICER']

export function dashboardReach(roles: readonly Role[]): 'park' | 'chain' | 'none' {
  if (roles.some((role) => PARK_WIDE.includes(role))) return 'park'
  return roles.includes('CHAIN_STAFF') ? 'chain' : 'none'
}

export function useDashboardScope() {
  const session = useSession()
  const reach = computed(() => dashboardReach(session.viewer?.roles ?? []))
  const mine = useQuery({ query: MyChainDocument, pause: computed(() => reach.value !== 'chain') })
  const chainId = computed(() => (reach.value === 'chain' ? mine.data.value?.memberships.nodes[0]?.chainId ?? null : null))
  // Chain staff see their chain's tickets without tickets:read (they work its queue).
  const seesTickets = computed(() => session.can('TICKETS_READ') || reach.value === 'chain')
  const seesFunds = computed(() => session.can('FUNDS_READ') && reach.value !== 'none')
  const ready = computed(() => reach.value === 'park' || (reach.value === 'chain' && !!chainId.value))
  return { reach, chainId, ready, seesTickets, seesFunds, membership: mine }
}
