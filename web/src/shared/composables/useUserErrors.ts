/** A form's view of a mutation's userErrors: each error on its field, the rest above the form. */
import { computed, ref } from 'vue'

export interface UserErrorLike<Code extends string = string> {
  /** The path of the input at fault (`["input", "rows", "2", "creditCode"]`), if one is. */
  field?: readonly string[] | null
  code: Code
  message: string
}

/** Forms name a field by its dotted path below `input`: `["input", "rows", "2", "creditCode"]` → `rows.2.creditCode`. */
export function fieldKey(path: readonly string[]): string {
  return (path[0] === 'input' ? path.slice(1) : path).join('.')
}

export function useUserErrors<Code extends string = string>(fields: readonly string[]) {
  const errors = ref<UserErrorLike<Code>[]>([])
  const known = new Set(fields)

  const byField = computed(() => {
    const map: Record<string, string> = {}
    for (const error of errors.value) {
      const key = error.field?.length ? fieldKey(error.field) : null
      // The first error of a field is the one shown on it; the message text is the server's.
      if (key && known.has(key) && !(key in map)) map[key] = error.message
    }
    return map
  })

  /** Errors of no field of this form: shown as one alert, so none is lost. */
  const general = computed(() =>
    errors.value.filter((e) => !e.field?.length || !known.has(fieldKey(e.field))).map((e) => e.message),
  )

  return {
    errors,
    general,
    /** For `<el-form-item :error="fieldError('email')">`; undefined clears the item's error. */
    fieldError: (field: string): string | undefined => byField.value[field],
    has: (code: Code): boolean => errors.value.some((e) => e.code === code),
    apply(userErrors: readonly UserErrorLike<Code>[]): boolean {
      errors.value = [...userErrors]
      return userErrors.length === 0
    },
    clear(): void {
      errors.value = []
    },
  }
}
