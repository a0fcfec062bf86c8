/** The enterprise (or, rarely, enterprises) the signed-in contact speaks for, and their organisations. */
import { useQuery } from '@urql/vue'
import { computed } from 'vue'
import { MyEnterprisesDocument } from '../documents'

export function useMyEnterprise() {
  const query = useQuery({ query: MyEnterprisesDocument })
  const enterprises = computed(() => query.data.value?.enterprises.nodes ?? [])
  return {
    query,
    enterprises,
    /** The one a new ticket or application is for. */
    enterprise: computed(() => enterprises.value[0] ?? null),
    /** Formed organisations covering the contact's enterprises: those that may apply for funds. */
    formedOrganizations: computed(() => {
      const seen = new Map<string, (typeof enterprises.value)[number]['organizations'][number]>()
      for (const e of enterprises.value) for (const o of e.organizations) if (o.status === 'FORMED') seen.set(o.id, o)
      return [...seen.values()]
    }),
    retry: () => query.executeQuery({ requestPolicy: 'network-only' }),
  }
}
