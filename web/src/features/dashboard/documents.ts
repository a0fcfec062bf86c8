/** 工作台: the park's coverage figures (registry); tickets and funds join here as their screens arrive. */
import { graphql } from '@/shared/graphql/generated'

export const CoverageDocument = graphql(`
  query Coverage {
    coverage(listLimit: 5) {
      enterpriseCount
      coveredEnterpriseCount
      coverageRate
      keyEnterpriseCount
      employeeCount
      coveredEmployeeCount
      employeeCoverageRate
      formedOrganizationCount
      preparingOrganizationCount
      memberCount
      floatingMemberCount
      formationPipelineCount
      unreachedKeyEnterpriseCount
      organizationsByKind {
        kind
        formed
        preparing
      }
      unreachedKeyEnterprises {
        id
        name
      }
    }
  }
`)
