/** Party organisations: the list and tree, one organisation, and its lifecycle and coverage mutations. */
import { graphql } from '@/shared/graphql/generated'

export const OrganizationsDocument = graphql(`
  query Organizations($first: Int!, $after: String, $filter: PartyOrganizationFilter) {
    partyOrganizations(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...OrganizationRow
      }
    }
  }
`)

export const OrganizationRowFragment = graphql(`
  fragment OrganizationRow on PartyOrganization {
    id
    name
    kind
    status
    formedOn
    memberCount
    chain {
      id
      name
    }
    parent {
      id
      name
    }
    secretary {
      id
      name
    }
    enterprises {
      id
      name
    }
  }
`)

export const OrganizationDocument = graphql(`
  query Organization($id: ID!) {
    node(id: $id) {
      ... on PartyOrganization {
        id
        name
        kind
        formationMode
        status
        formedOn
        dissolvedOn
        version
        createdAt
        memberCount
        chain {
          id
          name
        }
        parent {
          id
          name
        }
        secretary {
          id
          name
        }
        enterprises {
          id
          name
          creditCode
          area
          isKey
        }
      }
    }
  }
`)

export const CreateOrganizationDocument = graphql(`
  mutation CreateOrganization($input: CreatePartyOrganizationInput!) {
    createPartyOrganization(input: $input) {
      partyOrganization {
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

export const UpdateOrganizationDocument = graphql(`
  mutation UpdateOrganization($input: UpdatePartyOrganizationInput!) {
    updatePartyOrganization(input: $input) {
      partyOrganization {
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

export const FormOrganizationDocument = graphql(`
  mutation FormOrganization($input: FormPartyOrganizationInput!) {
    formPartyOrganization(input: $input) {
      partyOrganization {
        id
        status
        formedOn
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const DissolveOrganizationDocument = graphql(`
  mutation DissolveOrganization($input: DissolvePartyOrganizationInput!) {
    dissolvePartyOrganization(input: $input) {
      partyOrganization {
        id
        status
        dissolvedOn
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const SetSecretaryDocument = graphql(`
  mutation SetOrganizationSecretary($input: SetPartyOrganizationSecretaryInput!) {
    setPartyOrganizationSecretary(input: $input) {
      partyOrganization {
        id
        secretary {
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

export const SetEnterprisesDocument = graphql(`
  mutation SetOrganizationEnterprises($input: SetPartyOrganizationEnterprisesInput!) {
    setPartyOrganizationEnterprises(input: $input) {
      partyOrganization {
        id
        enterprises {
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
