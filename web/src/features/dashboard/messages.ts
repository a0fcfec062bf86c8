/** The dashboard's words. */
const zhCN = {
  dashboard: {
    menu: '工作台',
    enterprises: '在册企业',
    coverageRate: '党组织覆盖率',
    uncovered: '未覆盖企业',
    employeeCoverage: '员工覆盖率',
    keyEnterprises: '重点企业',
    unreachedKey: '失联风险重点企业',
    organizationsByKind: '党组织（按类型）',
  },
}

const en: typeof zhCN = {
  dashboard: {
    menu: 'Dashboard',
    enterprises: 'Enterprises',
    coverageRate: 'Coverage rate',
    uncovered: 'Not covered',
    employeeCoverage: 'Employees covered',
    keyEnterprises: 'Key enterprises',
    unreachedKey: 'Unreached key enterprises',
    organizationsByKind: 'Organisations by kind',
  },
}

export default { 'zh-CN': zhCN, en }
