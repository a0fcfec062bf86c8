/** Files picked in a form, sent to a ticket one multipart request each once the ticket exists. */
import { useMutation } from '@urql/vue'
import type { UploadFile } from 'element-plus'
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { describeError } from '@/shared/graphql/client'
import { AddTicketAttachmentDocument } from '../documents'

export function useTicketFiles() {
  const { t } = useI18n()
  const files = ref<UploadFile[]>([])
  const upload = useMutation(AddTicketAttachmentDocument)

  /** Uploads every picked file; returns one message per file that failed (the rest are on the ticket). */
  async function sendTo(ticketId: string): Promise<string[]> {
    const failures: string[] = []
    for (const picked of files.value) {
      if (!picked.raw) continue
      const answer = await upload.executeMutation({ input: { ticketId, file: picked.raw } })
      const problem = answer.error
        ? describeError(answer.error, t('common.networkError'))
        : answer.data?.addTicketAttachment.userErrors.map((e) => e.message).join('；')
      if (problem) failures.push(t('portal.ticket.uploadFailed', { name: picked.name, message: problem }))
    }
    files.value = []
    return failures
  }

  return { files, sendTo, sending: upload.fetching }
}
