/** The platform's own screens: its parks, and the holiday calendar every park's SLA clocks count by. */
import { graphql } from '@/shared/graphql/generated'

export const ParksDocument = graphql(`
  query PlatformParks($first: Int!, $after: String) {
    parks(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        code
        name
        createdAt
      }
    }
  }
`)

export const CreateParkDocument = graphql(`
  mutation PlatformCreatePark($input: CreateParkInput!) {
    createPark(input: $input) {
      park {
        id
        code
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

export const InviteParkAdminDocument = graphql(`
  mutation PlatformInviteParkAdmin($input: InviteParkAdminInput!) {
    inviteParkAdmin(input: $input) {
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

export const HolidayCalendarDocument = graphql(`
  query PlatformHolidayCalendar($year: Int!) {
    holidayCalendar(year: $year) {
      year
      covered
      source
      note
      revision
      updatedAt
      days {
        date
        kind
        name
      }
      changes {
        action
        createdAt
        before
        after
      }
    }
  }
`)

export const SetHolidayDayDocument = graphql(`
  mutation PlatformSetHolidayDay($input: SetHolidayCalendarDayInput!) {
    setHolidayCalendarDay(input: $input) {
      day {
        date
        kind
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

export const RemoveHolidayDayDocument = graphql(`
  mutation PlatformRemoveHolidayDay($input: RemoveHolidayCalendarDayInput!) {
    removeHolidayCalendarDay(input: $input) {
      day {
        date
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const ReplaceHolidayYearDocument = graphql(`
  mutation PlatformReplaceHolidayYear($input: ReplaceHolidayCalendarYearInput!) {
    replaceHolidayCalendarYear(input: $input) {
      holidayCalendar {
        year
        revision
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)
