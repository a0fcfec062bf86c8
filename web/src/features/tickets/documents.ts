/** The tickets context's operations: the queue, one ticket with its timeline and actions, the statistics. */
import { graphql } from '@/shared/graphql/generated'

export const TicketCategoriesDocument = graphql(`
  query TicketCategories {
    ticketCategories {
      id
      name
      aspects {
        id
        name
      }
    }
  }
`)

export const TicketQueueDocument = graphql(`
  query TicketQueue($first: Int!, $after: String, $filter: TicketFilterInput) {
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
        reminderCount
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
          dueAt
          warnAt
          paused
          breached
          escalationLevel
        }
      }
    }
  }
`)

export const TicketDetailDocument = graphql(`
  query TicketDetail($id: ID!) {
    ticket(id: $id) {
      id
      title
      description
      status
      priority
      version
      onBehalf
      createdAt
      updatedAt
      resolvedAt
      closedAt
      reminderCount
      enterpriseId
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
      raisedBy {
        id
        displayName
      }
      assignee {
        id
        displayName
      }
      duplicateOf {
        id
        title
      }
      sla {
        dueAt
        warnAt
        firstResponseDueAt
        firstRespondedAt
        resolutionDueAt
        paused
        breached
        escalationLevel
        firstResponseTargetHours
        resolutionTargetHours
        pausedHours
        resolutionHours
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
      extensionRequests {
        id
        reason
        extraHours
        status
        createdAt
        decidedAt
        decisionNote
        requestedBy {
          id
          displayName
        }
        decidedBy {
          id
          displayName
        }
      }
      viewerActions
      viewerCan {
        assign
        reply
        internalNote
        attach
        requestExtension
        decideExtension
        remind
      }
    }
  }
`)

export const TicketTimelineDocument = graphql(`
  query TicketTimeline($id: ID!, $first: Int!, $after: String) {
    ticket(id: $id) {
      id
      timeline(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          visibility
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

export const TicketAssigneeCandidatesDocument = graphql(`
  query TicketAssigneeCandidates($id: ID!) {
    ticket(id: $id) {
      id
      assigneeCandidates {
        id
        displayName
      }
    }
  }
`)

export const DuplicateCandidatesDocument = graphql(`
  query DuplicateCandidates($filter: TicketFilterInput) {
    tickets(first: 20, filter: $filter) {
      nodes {
        id
        title
        status
        enterprise {
          id
          name
        }
      }
    }
  }
`)

export const TransitionTicketDocument = graphql(`
  mutation TransitionTicket($input: TransitionTicketInput!) {
    transitionTicket(input: $input) {
      ticket {
        id
        status
        version
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const AssignTicketDocument = graphql(`
  mutation AssignTicket($input: AssignTicketInput!) {
    assignTicket(input: $input) {
      ticket {
        id
        version
        assignee {
          id
          displayName
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

export const AddTicketCommentDocument = graphql(`
  mutation AddTicketComment($input: AddTicketCommentInput!) {
    addTicketComment(input: $input) {
      event {
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

export const AddTicketAttachmentDocument = graphql(`
  mutation AddTicketAttachment($input: AddTicketAttachmentInput!) {
    addTicketAttachment(input: $input) {
      attachment {
        id
        filename
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RequestTicketExtensionDocument = graphql(`
  mutation RequestTicketExtension($input: RequestTicketExtensionInput!) {
    requestTicketExtension(input: $input) {
      extensionRequest {
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

export const DecideTicketExtensionDocument = graphql(`
  mutation DecideTicketExtension($input: DecideTicketExtensionInput!) {
    decideTicketExtension(input: $input) {
      extensionRequest {
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

export const RemindTicketDocument = graphql(`
  mutation RemindTicket($input: RemindTicketInput!) {
    remindTicket(input: $input) {
      ticket {
        id
        reminderCount
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const TicketStatsDocument = graphql(`
  query TicketStats($period: PeriodInput!, $chainId: ID) {
    ticketStats(period: $period, chainId: $chainId) {
      problemsSolved
      categoriesSolved
      aspectsSolved
      total {
        opened
        resolved
        openNow
        slaMet
        rated
        slaMetRate
        medianResolutionHours
        p90ResolutionHours
        satisfactionAverage
      }
      byStatus {
        status
        count
      }
      byChain {
        chain {
          id
          name
        }
        figures {
          opened
          resolved
          openNow
          slaMetRate
          satisfactionAverage
        }
      }
      byCategory {
        category {
          id
          name
        }
        figures {
          opened
          resolved
          openNow
          slaMetRate
          satisfactionAverage
        }
      }
    }
  }
`)

export const TicketsCsvDocument = graphql(`
  query TicketsCsv($filter: TicketFilterInput) {
    ticketsCsv(filter: $filter)
  }
`)
