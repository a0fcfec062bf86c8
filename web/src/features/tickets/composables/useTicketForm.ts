/** A ticket form's round trip: send the mutation, put each userError on its field (the rest above the
 * form), say so when the ticket changed meanwhile (STALE_VERSION), and a network failure in words. */
import type { OperationResult } from '@urql/vue'
import { ElMessage } from 'element-plus'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useUserErrors, type UserErrorLike } from '@/shared/composables/useUserErrors'
import { describeError } from '@/shared/graphql/client'
import type { TicketErrorCode } from '@/shared/graphql/generated/graphql'

export type Outcome = 'done' | 'stale' | 'failed'

export function useTicketForm(fields: readonly string[]) {
  const { t } = useI18n()
  const errors = useUserErrors<TicketErrorCode>(fields)
  const request = ref('')
  const saving = ref(false)

  async function send<D>(
    mutation: () => Promise<OperationResult<D>>,
    payloadOf: (data: D) => { userErrors: readonly UserErrorLike<TicketErrorCode>[] } | null | undefined,
  ): Promise<Outcome> {
    saving.value = true
    request.value = ''
    const answer = await mutation()
    saving.value = false
    if (answer.error || !answer.data) {
      request.value = answer.error ? describeError(answer.error, t('common.networkError')) : t('common.networkError')
      return 'failed'
    }
    const payload = payloadOf(answer.data)
    if (errors.apply(payload?.userErrors ?? [])) {
      ElMessage.success(t('ticket.done'))
      return 'done'
    }
    return errors.has('STALE_VERSION') ? 'stale' : 'failed'
  }

  return {
    errors,
    saving,
    /** Messages of no field of this form, and a request-level failure: one alert each. */
    alerts: computed(() => [...errors.general.value, ...(request.value ? [request.value] : [])]),
    fieldError: errors.fieldError,
    reset(): void {
      errors.clear()
      request.value = ''
    },
    send,
  }
}
