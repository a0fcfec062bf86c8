/** The funds context: programs and budgets, applications and their review, payment batches, the ledger. */
import { graphql } from '@/shared/graphql/generated'

export const FundProgramsDocument = graphql(`
  query FundPrograms($first: Int!, $after: String, $fiscalYear: Int) {
    fundPrograms(first: $first, after: $after, fiscalYear: $fiscalYear) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        name
        fiscalYear
        budgetFen
        amountRule
        createdAt
        budget {
          budgetFen
          reservedFen
          paidFen
          availableFen
        }
      }
    }
  }
`)

export const FundProgramChoicesDocument = graphql(`
  query FundProgramChoices {
    fundPrograms(first: 100) {
      nodes {
        id
        name
        fiscalYear
      }
    }
  }
`)

export const CreateFundProgramDocument = graphql(`
  mutation CreateFundProgram($input: CreateFundProgramInput!) {
    createFundProgram(input: $input) {
      fundProgram {
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

export const ChangeFundProgramDocument = graphql(`
  mutation ChangeFundProgram($input: ChangeFundProgramInput!) {
    changeFundProgram(input: $input) {
      fundProgram {
        id
        budgetFen
        budget {
          budgetFen
          reservedFen
          paidFen
          availableFen
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

export const FundApplicationsDocument = graphql(`
  query FundApplications(
    $first: Int!
    $after: String
    $status: FundApplicationStatus
    $programId: ID
    $inbox: FundReviewInbox
  ) {
    fundApplications(first: $first, after: $after, status: $status, programId: $programId, inbox: $inbox) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        amountFen
        entitledFen
        submittedAt
        createdAt
        updatedAt
        lastReason
        organization {
          id
          name
        }
        chain {
          id
          name
        }
        program {
          id
          name
        }
      }
    }
  }
`)

export const FundApplicationDocument = graphql(`
  query FundApplication($id: ID!) {
    node(id: $id) {
      ... on FundApplication {
        id
        status
        amountFen
        entitledFen
        lastReason
        submittedAt
        createdAt
        updatedAt
        applicantId
        chainReviewerId
        organization {
          id
          name
          kind
          memberCount
        }
        chain {
          id
          name
        }
        program {
          id
          name
          kind
          fiscalYear
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
        batch {
          id
          name
        }
        payment {
          status
          attempts
          lastError
          gatewayReference
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

export const ReviewFundApplicationDocument = graphql(`
  mutation ReviewFundApplication($input: ReviewFundApplicationInput!) {
    reviewFundApplication(input: $input) {
      fundApplication {
        id
        status
        lastReason
      }
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const PaymentBatchesDocument = graphql(`
  query PaymentBatches($first: Int!, $after: String, $status: PaymentBatchStatus) {
    paymentBatches(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        status
        applicationCount
        totalFen
        createdAt
        executedAt
        progress {
          scheduled
          paying
          paid
          failed
          cancelled
          clawedBack
        }
      }
    }
  }
`)

export const PaymentBatchDocument = graphql(`
  query PaymentBatch($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      ... on PaymentBatch {
        id
        name
        status
        applicationCount
        totalFen
        createdAt
        executedAt
        progress {
          scheduled
          paying
          paid
          failed
          cancelled
          clawedBack
        }
        applications(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            status
            amountFen
            organization {
              id
              name
            }
            payee {
              accountName
              bank
              accountNumberMasked
            }
            payment {
              status
              attempts
              lastError
              nextAttemptAt
              settledAt
            }
          }
        }
      }
    }
  }
`)

export const CreatePaymentBatchDocument = graphql(`
  mutation CreatePaymentBatch($input: CreatePaymentBatchInput!) {
    createPaymentBatch(input: $input) {
      paymentBatch {
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

export const ExecutePaymentBatchDocument = graphql(`
  mutation ExecutePaymentBatch($input: PaymentBatchIdInput!) {
    executePaymentBatch(input: $input) {
      paymentBatch {
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

export const DiscardPaymentBatchDocument = graphql(`
  mutation DiscardPaymentBatch($input: PaymentBatchIdInput!) {
    discardPaymentBatch(input: $input) {
      paymentBatch {
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

export const PaymentBatchExportDocument = graphql(`
  query PaymentBatchExport($id: ID!, $format: ExportFormat!) {
    paymentBatchExport(id: $id, format: $format) {
      filename
      mediaType
      contentBase64
    }
  }
`)

export const FundLedgerReportDocument = graphql(`
  query FundLedgerReport($fiscalYear: Int) {
    fundLedgerReport(fiscalYear: $fiscalYear) {
      programId
      chainId
      month
      kind
      amountFen
      entries
    }
    fundPrograms(first: 100) {
      nodes {
        id
        name
        fiscalYear
      }
    }
    industryChains(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`)
