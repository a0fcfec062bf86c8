/** The audit log, and the people of the park to filter it by. */
import { graphql } from '@/shared/graphql/generated'

export const AuditLogDocument = graphql(`
  query AuditLog(
    $first: Int!
    $after: String
    $actorUserId: ID
    $action: String
    $objectType: String
    $objectId: ID
    $since: DateTime
    $until: DateTime
  ) {
    auditLog(
      first: $first
      after: $after
      actorUserId: $actorUserId
      action: $action
      objectType: $objectType
      objectId: $objectId
      since: $since
      until: $until
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...AuditEntryFields
      }
    }
  }
`)

export const AuditEntryFieldsFragment = graphql(`
  fragment AuditEntryFields on AuditEntry {
    id
    action
    objectType
    objectId
    actorUserId
    actorApiKeyId
    actor {
      id
      displayName
      email
    }
    before
    after
    requestId
    createdAt
  }
`)

export const ParkPeopleDocument = graphql(`
  query ParkPeople($search: String) {
    memberships(first: 20, search: $search, includeRevoked: true) {
      nodes {
        id
        user {
          id
          displayName
          email
        }
      }
    }
  }
`)
