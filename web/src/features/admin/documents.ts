/** Administration of a park: its people and their roles, its integrations' keys, its security events. */
import { graphql } from '@/shared/graphql/generated'

export const MembershipsDocument = graphql(`
  query AdminMemberships($first: Int!, $after: String, $role: Role, $search: String, $includeRevoked: Boolean!) {
    memberships(first: $first, after: $after, role: $role, search: $search, includeRevoked: $includeRevoked) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        role
        chainId
        enterpriseId
        createdAt
        revokedAt
        user {
          id
          displayName
          email
          phone
          accountStatus
        }
      }
    }
  }
`)

export const ScopeChainsDocument = graphql(`
  query AdminScopeChains {
    industryChains(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`)

export const ScopeEnterprisesDocument = graphql(`
  query AdminScopeEnterprises($search: String) {
    enterprises(first: 20, filter: { search: $search, archived: false }) {
      nodes {
        id
        name
        creditCode
      }
    }
  }
`)

export const ScopeEnterpriseDocument = graphql(`
  query AdminScopeEnterprise($id: ID!) {
    node(id: $id) {
      ... on Enterprise {
        id
        name
      }
    }
  }
`)

export const GrantMembershipDocument = graphql(`
  mutation AdminGrantMembership($input: GrantMembershipInput!) {
    grantMembership(input: $input) {
      membership {
        id
      }
      temporaryPassword
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RevokeMembershipDocument = graphql(`
  mutation AdminRevokeMembership($input: RevokeMembershipInput!) {
    revokeMembership(input: $input) {
      membership {
        id
        revokedAt
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const LockUserDocument = graphql(`
  mutation AdminLockUser($input: UserIdInput!) {
    lockUser(input: $input) {
      user {
        id
        accountStatus
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UnlockUserDocument = graphql(`
  mutation AdminUnlockUser($input: UserIdInput!) {
    unlockUser(input: $input) {
      user {
        id
        accountStatus
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DisableUserDocument = graphql(`
  mutation AdminDisableUser($input: UserIdInput!) {
    disableUser(input: $input) {
      user {
        id
        accountStatus
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ApiKeysDocument = graphql(`
  query AdminApiKeys {
    apiKeys {
      id
      name
      scopes
      createdAt
      lastUsedAt
      revokedAt
    }
  }
`)

export const CreateApiKeyDocument = graphql(`
  mutation AdminCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      apiKey {
        id
        name
      }
      secret
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RevokeApiKeyDocument = graphql(`
  mutation AdminRevokeApiKey($input: RevokeApiKeyInput!) {
    revokeApiKey(input: $input) {
      apiKey {
        id
        revokedAt
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const SecurityEventsDocument = graphql(`
  query AdminSecurityEvents($first: Int!, $after: String, $kind: SecurityEventKind, $userId: ID, $since: DateTime, $until: DateTime) {
    securityEvents(first: $first, after: $after, kind: $kind, userId: $userId, since: $since, until: $until) {
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
