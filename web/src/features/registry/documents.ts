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

// The form's fields and the mutations of the create, edit, archive and restore actions. ----------------

export const EnterpriseFormFieldsDocument = graphql(`
  query EnterpriseFormFields($id: ID!) {
    node(id: $id) {
      ... on Enterprise {
        id
        creditCode
        name
        address
        area
        employeeCount
        isKey
        contactName
        contactPhone
        archivedAt
        chain {
          id
        }
      }
    }
  }
`)

export const CreateEnterpriseDocument = graphql(`
  mutation CreateEnterprise($input: CreateEnterpriseInput!) {
    createEnterprise(input: $input) {
      enterprise {
        id
        name
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateEnterpriseDocument = graphql(`
  mutation UpdateEnterprise($input: UpdateEnterpriseInput!) {
    updateEnterprise(input: $input) {
      enterprise {
        id
        name
        creditCode
        address
        area
        employeeCount
        isKey
        contactName
        contactPhone
        updatedAt
        chain {
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

export const ArchiveEnterpriseDocument = graphql(`
  mutation ArchiveEnterprise($input: ArchiveInput!) {
    archiveEnterprise(input: $input) {
      enterprise {
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

export const RestoreEnterpriseDocument = graphql(`
  mutation RestoreEnterprise($input: ArchiveInput!) {
    restoreEnterprise(input: $input) {
      enterprise {
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

// Export of the filtered list and the spreadsheet import. ---------------------------------------------

export const EnterprisesExportDocument = graphql(`
  query EnterprisesExport($format: ExportFormat!, $filter: EnterpriseFilter) {
    enterprisesExport(format: $format, filter: $filter) {
      filename
      mediaType
      contentBase64
    }
  }
`)

export const RegistryImportTemplateDocument = graphql(`
  query RegistryImportTemplate($kind: RegistryImportKind!, $format: ExportFormat!) {
    registryImportTemplate(kind: $kind, format: $format) {
      filename
      mediaType
      contentBase64
    }
  }
`)

export const RegistryImportFieldsFragment = graphql(`
  fragment RegistryImportFields on RegistryImport {
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
    createdAt
    finishedAt
  }
`)

export const ImportEnterprisesDocument = graphql(`
  mutation ImportEnterprises($file: Upload!) {
    importEnterprises(file: $file) {
      registryImport {
        ...RegistryImportFields
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RegistryImportDocument = graphql(`
  query RegistryImport($id: ID!) {
    registryImport(id: $id) {
      ...RegistryImportFields
      errors {
        row
        column
        code
        message
      }
    }
  }
`)

export const RegistryImportsDocument = graphql(`
  query RegistryImports($first: Int!, $after: String) {
    registryImports(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...RegistryImportFields
      }
    }
  }
`)

// The detail page's tabs: each reads its own page when first opened. ---------------------------------

export const EnterpriseMembersDocument = graphql(`
  query EnterpriseMembers($first: Int!, $after: String, $filter: MemberFilter!) {
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
        organization {
          id
          name
        }
      }
    }
  }
`)

export const EnterpriseAssignmentsDocument = graphql(`
  query EnterpriseAssignments($enterpriseId: ID!) {
    liaisonAssignments(first: 50, enterpriseId: $enterpriseId) {
      totalCount
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
      }
    }
  }
`)

export const EnterpriseVisitsDocument = graphql(`
  query EnterpriseVisits($first: Int!, $after: String, $enterpriseId: ID!) {
    visits(first: $first, after: $after, enterpriseId: $enterpriseId) {
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
        officer {
          id
          displayName
        }
      }
    }
  }
`)

export const EnterpriseTicketsDocument = graphql(`
  query EnterpriseTickets($first: Int!, $after: String, $filter: TicketFilterInput!) {
    tickets(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        status
        priority
        createdAt
        resolvedAt
        category {
          id
          name
        }
        assignee {
          id
          displayName
        }
        sla {
          breached
        }
      }
    }
  }
`)

export const EnterpriseFundApplicationsDocument = graphql(`
  query EnterpriseFundApplications($first: Int!, $after: String, $organizationId: ID!) {
    fundApplications(first: $first, after: $after, organizationId: $organizationId) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        amountFen
        submittedAt
        createdAt
        lastReason
        program {
          id
          name
          fiscalYear
        }
      }
    }
  }
`)

export const EnterpriseHistoryDocument = graphql(`
  query EnterpriseHistory($first: Int!, $after: String, $objectId: ID!) {
    auditLog(first: $first, after: $after, objectId: $objectId) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        action
        before
        after
        createdAt
      }
    }
  }
`)
