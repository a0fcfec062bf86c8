/** One of the contact's moves on a ticket (a transition, a message), with its userErrors for the form. */
import { useMutation } from '@urql/vue'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useUserErrors } from '@/shared/composables/useUserErrors'
import { describeError } from '@/shared/graphql/client'
import type { TicketAction } from '@/shared/graphql/generated/graphql'
import { AddTicketCommentDocument, TransitionTicketDocument } from '../documents'

export interface TicketRef {
  id: string
  /** The version the contact saw: a change made meanwhile is refused rather than overridden. */
  version?: number
}

export function useTicketAction(fields: readonly string[]) {
  const { t } = useI18n()
  const transition = useMutation(TransitionTicketDocument)
  const comment = useMutation(AddTicketCommentDocument)
  const errors = useUserErrors(fields)
  const requestError = ref<string | null>(null)

  function failed(error: Parameters<typeof describeError>[0] | undefined): boolean {
    requestError.value = error ? describeError(error, t('common.networkError')) : null
    return !!error
  }

  return {
    errors,
    requestError,
    busy: ref(false),
    /** True when the ticket moved; the form shows why not otherwise. */
    async move(ticket: TicketRef, action: TicketAction, extra: { text?: string; rating?: number } = {}): Promise<boolean> {
      const answer = await transition.executeMutation({ input: { id: ticket.id, action, expectedVersion: ticket.version ?? null, ...extra } })
      if (failed(answer.error)) return false
      const payload = answer.data?.transitionTicket
      return !!payload && errors.apply(payload.userErrors)
    },
    async say(ticketId: string, body: string): Promise<boolean> {
      const answer = await comment.executeMutation({ input: { ticketId, body } })
      if (failed(answer.error)) return false
      const payload = answer.data?.addTicketComment
      return !!payload && errors.apply(payload.userErrors)
    },
  }
}
