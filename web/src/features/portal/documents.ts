/** What the enterprise contact reads and does in the portal: its enterprise, its tickets, its fund applications. */
import { graphql } from '@/shared/graphql/generated'

export const MyEnterprisesDocument = graphql(`
  query PortalEnterprises {
    enterprises(first: 10) {
      nodes {
        id
        name
        creditCode
        area
        address
        employeeCount
        isKey
        isCovered
        memberCount
        contactName
        contactPhone
        chain {
          id
          name
        }
        liaisonOfficers {
          id
          displayName
        }
        organizations {
          id
          name
          kind
          status
          formationMode
          formedOn
          memberCount
          secretary {
            id
            name
          }
        }
      }
    }
  }
`)

export const PortalSummaryDocument = graphql(`
  query PortalSummary {
    open: tickets(first: 1, filter: { statuses: [NEW, ACCEPTED, IN_PROGRESS, REOPENED] }) {
      totalCount
    }
    waiting: tickets(first: 1, filter: { statuses: [WAITING_ON_ENTERPRISE, RESOLVED] }) {
      totalCount
    }
    returned: fundApplications(first: 1, status: RETURNED_FOR_CHANGES) {
      totalCount
    }
    unreadNotificationCount
  }
`)

export const TicketCategoriesDocument = graphql(`
  query PortalTicketCategories {
    ticketCategories {
      id
      code
      name
      aspects {
        id
        code
        name
      }
    }
  }
`)

export const MyTicketsDocument = graphql(`
  query PortalTickets($first: Int!, $after: String, $filter: TicketFilterInput) {
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
        category {
          id
          name
        }
        aspect {
          id
          name
        }
        sla {
          resolutionDueAt
          paused
          breached
        }
        viewerActions
      }
    }
  }
`)

export const PortalTicketDocument = graphql(`
  query PortalTicket($id: ID!) {
    ticket(id: $id) {
      id
      title
      description
      status
      priority
      version
      createdAt
      resolvedAt
      closedAt
      reopenableUntil
      autoClosesAt
      viewerActions
      enterprise {
        id
        name
      }
      chain {
        id
        name
      }
      category {
        id
        name
      }
      aspect {
        id
        name
      }
      assignee {
        id
        displayName
      }
      sla {
        firstResponseDueAt
        firstRespondedAt
        resolutionDueAt
        paused
        breached
      }
      satisfaction {
        rating
        comment
      }
      attachments {
        id
        filename
        contentType
        sizeBytes
        createdAt
        downloadUrl
        uploadedBy {
          id
          displayName
        }
      }
      timeline(first: 100) {
        totalCount
        nodes {
          id
          kind
          body
          data
          createdAt
          author {
            id
            displayName
          }
        }
      }
    }
  }
`)

export const CreateTicketDocument = graphql(`
  mutation PortalCreateTicket($input: CreateTicketInput!) {
    createTicket(input: $input) {
      ticket {
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

export const TransitionTicketDocument = graphql(`
  mutation PortalTransitionTicket($input: TransitionTicketInput!) {
    transitionTicket(input: $input) {
      ticket {
        id
        status
        version
        viewerActions
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const AddTicketCommentDocument = graphql(`
  mutation PortalAddTicketComment($input: AddTicketCommentInput!) {
    addTicketComment(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const AddTicketAttachmentDocument = graphql(`
  mutation PortalAddTicketAttachment($input: AddTicketAttachmentInput!) {
    addTicketAttachment(input: $input) {
      attachment {
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

export const FundProgramsDocument = graphql(`
  query PortalFundPrograms {
    fundPrograms(first: 50) {
      nodes {
        id
        kind
        name
        fiscalYear
        amountRule
      }
    }
  }
`)

export const MyFundApplicationsDocument = graphql(`
  query PortalFundApplications($first: Int!, $after: String) {
    fundApplications(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        amountFen
        lastReason
        createdAt
        submittedAt
        program {
          id
          name
          kind
          fiscalYear
        }
        organization {
          id
          name
        }
      }
    }
  }
`)

export const PortalFundApplicationDocument = graphql(`
  query PortalFundApplication($id: ID!) {
    node(id: $id) {
      ... on FundApplication {
        id
        status
        amountFen
        entitledFen
        lastReason
        createdAt
        submittedAt
        program {
          id
          name
          kind
          fiscalYear
        }
        organization {
          id
          name
        }
        payee {
          accountName
          bank
          accountNumberMasked
        }
        documents {
          name
          url
          sizeBytes
        }
        payment {
          status
          settledAt
        }
        steps {
          action
          status
          reason
          at
          actor {
            id
            displayName
          }
        }
      }
    }
  }
`)

export const DraftFundApplicationDocument = graphql(`
  mutation PortalDraftFundApplication($input: DraftFundApplicationInput!) {
    draftFundApplication(input: $input) {
      fundApplication {
        id
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UpdateFundApplicationDocument = graphql(`
  mutation PortalUpdateFundApplication($input: UpdateFundApplicationInput!) {
    updateFundApplication(input: $input) {
      fundApplication {
        id
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const SubmitFundApplicationDocument = graphql(`
  mutation PortalSubmitFundApplication($input: FundApplicationIdInput!) {
    submitFundApplication(input: $input) {
      fundApplication {
        id
        status
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const UnreadCountDocument = graphql(`
  query PortalUnreadCount {
    unreadNotificationCount
  }
`)

export const NotificationsDocument = graphql(`
  query PortalNotifications($first: Int!, $after: String) {
    notifications(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        data
        readAt
        createdAt
      }
    }
  }
`)

export const MarkNotificationsReadDocument = graphql(`
  mutation PortalMarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      userErrors {
        field
        code
        message
      }
    }
  }
`)
