/** What became of the last action on a list (revoke, lock, …): one line above it, in the server's words. */
import type { OperationResult } from '@urql/core'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import type { UserErrorLike } from '@/shared/composables/useUserErrors'
import { describeError } from '@/shared/graphql/client'

export interface Outcome {
  type: 'success' | 'error'
  text: string
}

/** A mutation's answer as an outcome: its userErrors, or the request's error, or `success`. */
export function outcomeOf<D>(
  answer: OperationResult<D>,
  payloadOf: (data: D) => { userErrors: readonly UserErrorLike[] },
  success: string,
  networkMessage: string,
): Outcome {
  if (answer.error) return { type: 'error', text: describeError(answer.error, networkMessage) }
  if (!answer.data) return { type: 'error', text: networkMessage }
  const errors = payloadOf(answer.data).userErrors
  return errors.length ? { type: 'error', text: errors.map((e) => e.message).join('；') } : { type: 'success', text: success }
}

export function useOutcome() {
  const { t } = useI18n()
  const outcome = ref<Outcome | null>(null)

  /** True when the mutation went through; the outcome says what happened either way. */
  async function settle<D>(
    pending: Promise<OperationResult<D>>,
    payloadOf: (data: D) => { userErrors: readonly UserErrorLike[] },
    success: string,
  ): Promise<boolean> {
    outcome.value = outcomeOf(await pending, payloadOf, success, t('common.networkError'))
    return outcome.value.type === 'success'
  }

  return { outcome, settle }
}
