/** The enterprise form's values and what a save sends: all fields on create, only the changed ones on edit. */
import type { CreateEnterpriseInput, UpdateEnterpriseInput } from '@/shared/graphql/generated/graphql'

export interface EnterpriseFormValues {
  creditCode: string
  name: string
  chainId: string
  address: string
  area: string
  employeeCount: number
  isKey: boolean
  contactName: string
  contactPhone: string
}

export const ENTERPRISE_FORM_FIELDS = [
  'creditCode',
  'name',
  'chainId',
  'address',
  'area',
  'employeeCount',
  'isKey',
  'contactName',
  'contactPhone',
] as const satisfies readonly (keyof EnterpriseFormValues)[]

export function emptyEnterpriseForm(): EnterpriseFormValues {
  return { creditCode: '', name: '', chainId: '', address: '', area: '', employeeCount: 0, isKey: false, contactName: '', contactPhone: '' }
}

interface StoredEnterprise {
  creditCode: string
  name: string
  address?: string | null
  area?: string | null
  employeeCount: number
  isKey: boolean
  contactName?: string | null
  contactPhone?: string | null
  chain?: { id: string } | null
}

export function formValuesOf(e: StoredEnterprise): EnterpriseFormValues {
  return {
    creditCode: e.creditCode,
    name: e.name,
    chainId: e.chain?.id ?? '',
    address: e.address ?? '',
    area: e.area ?? '',
    employeeCount: e.employeeCount,
    isKey: e.isKey,
    contactName: e.contactName ?? '',
    contactPhone: e.contactPhone ?? '',
  }
}

/** Blank text is "none" to the API; the server trims and checks the rest. */
const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim())

export function createInput(v: EnterpriseFormValues): CreateEnterpriseInput {
  return {
    creditCode: v.creditCode.trim(),
    name: v.name.trim(),
    chainId: v.chainId || null,
    address: orNull(v.address),
    area: orNull(v.area),
    employeeCount: v.employeeCount,
    isKey: v.isKey,
    contactName: orNull(v.contactName),
    contactPhone: orNull(v.contactPhone),
  }
}

/** Only what changed: a field left out keeps its stored value (a masked phone is never sent back). */
export function updateInput(id: string, before: EnterpriseFormValues, after: EnterpriseFormValues): UpdateEnterpriseInput {
  const was = createInput(before)
  const now = createInput(after)
  const input: UpdateEnterpriseInput = { id }
  for (const field of ENTERPRISE_FORM_FIELDS) {
    if (now[field] !== was[field]) Object.assign(input, { [field]: now[field] })
  }
  return input
}
