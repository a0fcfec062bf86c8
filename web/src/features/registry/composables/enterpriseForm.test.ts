import { describe, expect, it } from 'vitest'
import { createInput, emptyEnterpriseForm, formValuesOf, updateInput } from './enterpriseForm'

describe('enterprise form', () => {
  it('creates with blank optional fields as null and no chain as null', () => {
    const input = createInput({ ...emptyEnterpriseForm(), creditCode: ' 91430100MA4L0RBL2K ', name: '博翔' })

    expect(input).toEqual({
      creditCode: '91430100MA4L0RBL2K',
      name: '博翔',
      chainId: null,
      address: null,
      area: null,
      employeeCount: 0,
      isKey: false,
      contactName: null,
      contactPhone: null,
    })
  })

  it('updates only the fields that changed, clearing a field emptied', () => {
    const before = formValuesOf({
      creditCode: 'X',
      name: '博翔',
      area: '麓谷',
      employeeCount: 10,
      isKey: false,
      contactPhone: '138****1111',
      chain: { id: 'c1' },
    })

    const input = updateInput('e1', before, { ...before, name: '博翔新材', area: '', isKey: true })

    expect(input).toEqual({ id: 'e1', name: '博翔新材', area: null, isKey: true })
  })
})
