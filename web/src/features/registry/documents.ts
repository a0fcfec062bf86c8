/** The registry's enterprise list and detail. */
import { graphql } from '@/shared/graphql/generated'

export const IndustryChainsDocument = graphql(`
  query IndustryChains {
    industryChains(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`)

export const EnterprisesDocument = graphql(`
  query Enterprises($first: Int!, $after: String, $filter: EnterpriseFilter) {
    enterprises(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        creditCode
        area
        employeeCount
        isKey
        isCovered
        memberCount
        archivedAt
        chain {
          id
          name
        }
      }
    }
  }
`)

export const EnterpriseDocument = graphql(`
  query Enterprise($id: ID!) {
    node(id: $id) {
      ... on Enterprise {
        id
        name
        creditCode
        address
        area
        employeeCount
        isKey
        isCovered
        memberCount
        contactName
        contactPhone
        archivedAt
        createdAt
        updatedAt
        chain {
          id
          name
        }
        organizations {
          id
          name
          kind
          status
          formedOn
          memberCount
        }
        liaisonOfficers {
          id
          displayName
        }
      }
    }
  }
`)
