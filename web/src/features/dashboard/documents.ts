/** 工作台: coverage (registry), tickets and funds figures, each its own query so each panel loads and fails alone. */
import { graphql } from '@/shared/graphql/generated'

export const CoverageDocument = graphql(`
  query Coverage($chainId: ID) {
    coverage(chainId: $chainId, listLimit: 5) {
      chain {
        id
        name
      }
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

/** The chain a CHAIN_STAFF member works for: its dashboard shows that chain. */
export const MyChainDocument = graphql(`
  query MyChain {
    memberships(role: CHAIN_STAFF, first: 1) {
      nodes {
        chainId
      }
    }
  }
`)

export const ChainsDocument = graphql(`
  query DashboardChains {
    industryChains(first: 50) {
      nodes {
        id
        name
      }
    }
  }
`)

export const ChainCoverageDocument = graphql(`
  query ChainCoverage($chainId: ID!) {
    coverage(chainId: $chainId, listLimit: 0) {
      enterpriseCount
      coveredEnterpriseCount
      coverageRate
    }
  }
`)

export const TicketFiguresDocument = graphql(`
  query TicketFigures($period: PeriodInput!) {
    ticketStats(period: $period) {
      total {
        openNow
        resolved
        slaMet
        slaMetRate
        rated
        satisfactionAverage
      }
    }
    overdue: tickets(first: 1, filter: { overdue: true }) {
      totalCount
    }
  }
`)

export const FundFiguresDocument = graphql(`
  query FundFigures {
    submitted: fundApplications(first: 1, status: SUBMITTED) {
      totalCount
    }
    returned: fundApplications(first: 1, status: RETURNED_FOR_CHANGES) {
      totalCount
    }
    chainApproved: fundApplications(first: 1, status: CHAIN_APPROVED) {
      totalCount
    }
    parkApproved: fundApplications(first: 1, status: PARK_APPROVED) {
      totalCount
    }
    scheduled: fundApplications(first: 1, status: SCHEDULED) {
      totalCount
    }
    paying: fundApplications(first: 1, status: PAYING) {
      totalCount
    }
    failed: fundApplications(first: 1, status: FAILED) {
      totalCount
    }
    fundPrograms(first: 20) {
      nodes {
        id
        name
        fiscalYear
        budget {
          budgetFen
          reservedFen
          paidFen
          availableFen
        }
      }
    }
  }
`)
