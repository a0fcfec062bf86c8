/** Liaison: officers' assignments to enterprises, their workload and their visit log. */
import { graphql } from '@/shared/graphql/generated'

export const AssignmentsDocument = graphql(`
  query LiaisonAssignments($first: Int!, $after: String, $status: AssignmentStatus, $officerUserId: ID, $enterpriseId: ID) {
    liaisonAssignments(first: $first, after: $after, status: $status, officerUserId: $officerUserId, enterpriseId: $enterpriseId) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        status
        startsOn
        endsOn
        officer {
          id
          displayName
        }
        enterprise {
          id
          name
          area
          isKey
          isCovered
          chain {
            id
            name
          }
        }
      }
    }
  }
`)

export const VisitsDocument = graphql(`
  query LiaisonVisits($first: Int!, $after: String, $enterpriseId: ID, $officerUserId: ID, $assignmentId: ID) {
    visits(first: $first, after: $after, enterpriseId: $enterpriseId, officerUserId: $officerUserId, assignmentId: $assignmentId) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        visitedOn
        notes
        followUps
        createdAt
        officer {
          id
          displayName
        }
        enterprise {
          id
          name
        }
      }
    }
  }
`)

export const WorkloadDocument = graphql(`
  query OfficerWorkload {
    officerWorkload {
      activeAssignments
      keyEnterprises
      visitsThisMonth
      visitsLast30Days
      visitsLast90Days
      lastVisitOn
      officer {
        id
        displayName
      }
    }
  }
`)

export const AssignLiaisonDocument = graphql(`
  mutation AssignLiaison($input: AssignLiaisonInput!) {
    assignLiaison(input: $input) {
      assignment {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const EndAssignmentDocument = graphql(`
  mutation EndLiaisonAssignment($input: EndLiaisonAssignmentInput!) {
    endLiaisonAssignment(input: $input) {
      assignment {
        id
        status
        endsOn
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const LogVisitDocument = graphql(`
  mutation LogVisit($input: LogVisitInput!) {
    logVisit(input: $input) {
      visit {
        id
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)
