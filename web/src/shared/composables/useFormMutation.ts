/** A form that sends one mutation: its userErrors land on the fields (useUserErrors), a request-level
 * failure (network, FORBIDDEN) becomes one sentence above the form, and `saving` guards double submits. */
import type { OperationResult } from '@urql/core'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeError } from '../graphql/client'
import { useUserErrors, type UserErrorLike } from './useUserErrors'

export interface Payload<Code extends string> {
  userErrors: readonly UserErrorLike<Code>[]
}

export function useFormMutation<Code extends string = string>(fields: readonly string[]) {
  const { t } = useI18n()
  const form = useUserErrors<Code>(fields)
  const saving = ref(false)
  const failure = ref('')

  /** The payload when the mutation succeeded; null when it was refused (the errors are then on show). */
  async function submit<Data, P extends Payload<Code>>(
    send: () => Promise<OperationResult<Data>>,
    payloadOf: (data: Data) => P,
  ): Promise<P | null> {
    if (saving.value) return null
    saving.value = true
    failure.value = ''
    try {
      const result = await send()
      if (result.error || !result.data) {
        failure.value = result.error ? describeError(result.error, t('common.networkError')) : t('common.networkError')
        return null
      }
      const payload = payloadOf(result.data)
      return form.apply(payload.userErrors) ? payload : null
    } finally {
      saving.value = false
    }
  }

  function reset(): void {
    form.clear()
    failure.value = ''
  }

  return { ...form, saving, failure, submit, reset }
}
