/** The audit log's names in the reader's language, falling back to the recorded text. */
import { useI18n } from 'vue-i18n'
import { actionParts } from './auditEntry'

export function useAuditWords() {
  const { t, te } = useI18n()

  function objectType(type: string): string {
    return te(`audit.objectTypes.${type}`) ? t(`audit.objectTypes.${type}`) : type
  }

  function action(recorded: string, type?: string): string {
    const { security, verb } = actionParts(recorded)
    if (security) return te(`audit.security.${verb}`) ? t(`audit.security.${verb}`) : recorded
    const verbWords = te(`audit.verbs.${verb}`) ? t(`audit.verbs.${verb}`) : null
    if (!verbWords) return recorded
    return type ? `${objectType(type)} · ${verbWords}` : verbWords
  }

  return { objectType, action }
}
