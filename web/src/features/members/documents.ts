/** Party members: the list, one member with its transfers, floating members by area, changes and import. */
import { graphql } from '@/shared/graphql/generated'

export const MembersDocument = graphql(`
  query Members($first: Int!, $after: String, $filter: MemberFilter) {
    members(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        status
        joinedOn
        isFloating
        inflowArea
        idCardMasked
        phone
        archivedAt
        organization {
          id
          name
        }
        enterprise {
          id
          name
        }
      }
    }
  }
`)

export const MemberDocument = graphql(`
  query Member($id: ID!) {
    node(id: $id) {
      ... on PartyMember {
        id
        name
        status
        joinedOn
        isFloating
        inflowArea
        idCardMasked
        phone
        archivedAt
        createdAt
        organization {
          id
          name
          status
          chain {
            id
          }
        }
        enterprise {
          id
          name
        }
        transfers {
          id
          transferredOn
          reason
          createdAt
          fromOrganization {
            id
            name
          }
          toOrganization {
            id
            name
          }
        }
      }
    }
  }
`)

export const FloatingMemberAreasDocument = graphql(`
  query FloatingMemberAreas($chainId: ID) {
    floatingMemberAreas(chainId: $chainId) {
      inflowArea
      memberCount
    }
  }
`)

export const CreateMemberDocument = graphql(`
  mutation CreateMember($input: CreateMemberInput!) {
    createMember(input: $input) {
      member {
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

export const UpdateMemberDocument = graphql(`
  mutation UpdateMember($input: UpdateMemberInput!) {
    updateMember(input: $input) {
      member {
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

export const TransferMemberDocument = graphql(`
  mutation TransferMember($input: TransferMemberInput!) {
    transferMember(input: $input) {
      member {
        id
        organization {
          id
          name
        }
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ArchiveMemberDocument = graphql(`
  mutation ArchiveMember($input: ArchiveInput!) {
    archiveMember(input: $input) {
      member {
        id
        archivedAt
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ImportMembersDocument = graphql(`
  mutation ImportMembers($file: Upload!) {
    importMembers(file: $file) {
      registryImport {
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

export const MemberImportProgressDocument = graphql(`
  query MemberImportProgress($id: ID!) {
    registryImport(id: $id) {
      id
      kind
      status
      filename
      totalRows
      doneRows
      createdRows
      updatedRows
      unchangedRows
      errorRows
      finishedAt
      errors {
        row
        column
        code
        message
      }
    }
  }
`)
