/** The member import template: the headers services/registry/imports/rows.py reads, and one example row. */
const HEADERS = {
  'zh-CN': ['姓名', '身份证号', '党员状态', '所在党组织', '所在企业信用代码', '入党日期', '流动党员', '流入地', '联系电话'],
  en: ['name', 'idCard', 'status', 'organization', 'enterpriseCreditCode', 'joinedOn', 'isFloating', 'inflowArea', 'phone'],
} as const
const EXAMPLE = {
  'zh-CN': ['张三', '430104199001011234', '正式党员', '某某公司党支部', '', '2015-07-01', '否', '', '13800000000'],
  en: ['Zhang San', '430104199001011234', 'FULL', 'Example Co. Party branch', '', '2015-07-01', 'no', '', '13800000000'],
} as const

function cell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** UTF-8 with a BOM, so Excel opens the Chinese headers correctly. */
export function memberTemplateCsv(locale: string): string {
  const lang = locale === 'en' ? 'en' : 'zh-CN'
  return `\uFEFF${[HEADERS[lang], EXAMPLE[lang]].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`
}
