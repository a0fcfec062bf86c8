/** Marking notifications read and opening them, shared by the bell and the page: whichever marks, both
 * refresh (a mark-all answer names no notification, so urql's cache alone would not know). */
import { useMutation } from '@urql/vue'
import { ElMessage } from 'element-plus'
import 'element-plus/es/components/message/style/css'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { describeError } from '@/shared/graphql/client'
import type { MarkNotificationsReadInput } from '@/shared/graphql/generated/graphql'
import { subjectRoute, type NotificationLike } from '../describe'
import { MarkNotificationsReadDocument } from '../documents'

/** Moves on every change of read state; every view of the notifications refetches when it does. */
export const notificationsVersion = ref(0)

export function useNotificationActions() {
  const { t } = useI18n()
  const router = useRouter()
  const marking = useMutation(MarkNotificationsReadDocument)

  /** How many went from unread to read, or null after saying why it failed. */
  async function mark(input: MarkNotificationsReadInput): Promise<number | null> {
    const answer = await marking.executeMutation({ input })
    const payload = answer.data?.markNotificationsRead
    const problem = answer.error
      ? describeError(answer.error, t('common.networkError'))
      : payload?.userErrors.map((e) => e.message).join('；')
    if (problem || !payload) {
      ElMessage.error({ message: `${t('notifications.failed')}：${problem ?? ''}`, showClose: true })
      return null
    }
    notificationsVersion.value += 1
    return payload.markedCount
  }

  return {
    marking: marking.fetching,
    mark,
    markRead: (id: string) => mark({ ids: [id] }),
    async markAllRead(): Promise<void> {
      const marked = await mark({ all: true })
      if (marked !== null) ElMessage.success(t('notifications.markedAll', { n: marked }))
    },
    linkOf: (n: NotificationLike) => subjectRoute(n, (name) => router.hasRoute(name)),
    /** Read it and go where it leads. */
    async open(n: NotificationLike & { id: string; readAt?: string | null }): Promise<void> {
      if (!n.readAt) await mark({ ids: [n.id] })
      const to = subjectRoute(n, (name) => router.hasRoute(name))
      if (to) await router.push(to)
    },
  }
}
