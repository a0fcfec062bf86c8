/** The signed-in person's notifications (站内通知) in this park. */
import { graphql } from '@/shared/graphql/generated'

export const NotificationFieldsFragment = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    data
    readAt
    createdAt
    subject {
      type
      id
    }
  }
`)

export const NotificationBellDocument = graphql(`
  query NotificationBell($first: Int!) {
    unreadNotificationCount
    notifications(first: $first) {
      nodes {
        ...NotificationFields
      }
    }
  }
`)

export const NotificationsDocument = graphql(`
  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...NotificationFields
      }
    }
    unreadNotificationCount
  }
`)

export const MarkNotificationsReadDocument = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      markedCount
      notifications {
        id
        readAt
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)
