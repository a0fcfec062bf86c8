/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { JsonValue } from '../scalars';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AddTicketAttachmentInput = {
  /** Multipart upload; PDF, images, Office documents, text. */
  file: File;
  ticketId: string | number;
};

export type AddTicketCommentInput = {
  body: string;
  /** An internal note the enterprise never sees. */
  internal?: boolean;
  ticketId: string | number;
};

/** A permission an API key can carry. */
export type ApiScope =
  | 'API_KEYS_MANAGE'
  | 'AUDIT_READ'
  | 'CHAINS_MANAGE'
  | 'ENTERPRISE_CONTACT_UPDATE'
  | 'FUNDS_APPLY'
  | 'FUNDS_APPROVE'
  | 'FUNDS_DISBURSE'
  | 'FUNDS_PROGRAMS_MANAGE'
  | 'FUNDS_READ'
  | 'FUNDS_REPORT'
  | 'FUNDS_REVIEW'
  | 'LIAISON_MANAGE'
  | 'LIAISON_READ'
  | 'MEMBERSHIPS_MANAGE'
  | 'MEMBERSHIPS_READ'
  | 'REGISTRY_IMPORT'
  | 'REGISTRY_MANAGE'
  | 'REGISTRY_READ'
  | 'TICKETS_CONFIGURE'
  | 'TICKETS_READ';

export type CreateTicketInput = {
  /** One of the category's aspects. */
  aspectId: string | number;
  categoryId: string | number;
  description: string;
  enterpriseId: string | number;
  priority?: TicketPriority;
  title: string;
  /** The liaison visit it came from. */
  visitId?: string | number | null | undefined;
};

export type DocumentInput = {
  name: string;
  sha256?: string | null | undefined;
  sizeBytes?: number | null | undefined;
  url: string;
};

export type DraftFundApplicationInput = {
  /** Defaults to what the program's rule entitles the organisation to. */
  amountFen?: number | null | undefined;
  documents?: Array<DocumentInput>;
  organizationId: string | number;
  payee: PayeeInput;
  programId: string | number;
};

export type EnterpriseFilter = {
  /** null: archived or not. */
  archived?: boolean | null | undefined;
  area?: string | null | undefined;
  chainId?: string | number | null | undefined;
  /** Covered by a FORMED organisation. */
  covered?: boolean | null | undefined;
  isKey?: boolean | null | undefined;
  /** A substring of the name or the credit code. */
  search?: string | null | undefined;
};

/** 单独组建 STANDALONE, 联合共建 JOINT, 群团促建 MASS_ORGANIZATION, 业务需求组建 BUSINESS_NEED, 区块链 AREA_BLOCK. */
export type FormationMode =
  | 'AREA_BLOCK'
  | 'BUSINESS_NEED'
  | 'JOINT'
  | 'MASS_ORGANIZATION'
  | 'STANDALONE';

export type FundApplicationAction =
  | 'CANCEL'
  | 'CHAIN_APPROVE'
  | 'CLAW_BACK'
  | 'DRAFT'
  | 'PARK_APPROVE'
  | 'REJECT'
  | 'RETURN'
  | 'SCHEDULE'
  | 'SETTLE_FAILED'
  | 'SETTLE_PAID'
  | 'START_PAYMENT'
  | 'SUBMIT'
  | 'UNSCHEDULE'
  | 'UPDATE';

export type FundApplicationIdInput = {
  id: string | number;
};

export type FundApplicationStatus =
  | 'CANCELLED'
  | 'CHAIN_APPROVED'
  | 'CLAWED_BACK'
  | 'DRAFT'
  | 'FAILED'
  | 'PAID'
  | 'PARK_APPROVED'
  | 'PAYING'
  | 'REJECTED'
  | 'RETURNED_FOR_CHANGES'
  | 'SCHEDULED'
  | 'SUBMITTED';

export type FundPaymentStatus =
  | 'FAILED'
  | 'PENDING'
  | 'SUCCEEDED'
  | 'UNKNOWN';

export type FundProgramKind =
  | 'ACTIVITY_FUND'
  | 'DUES_REBATE'
  | 'POSITION_SUBSIDY'
  | 'SECRETARY_ALLOWANCE'
  | 'STARTUP_FUND';

/** Why a mutation of the Funds context failed. */
export type FundsErrorCode =
  | 'ALREADY_APPLIED'
  | 'AMOUNT_OUT_OF_RANGE'
  | 'BUDGET_BELOW_COMMITTED'
  | 'BUDGET_EXCEEDED'
  | 'CONFLICT'
  | 'EMPTY_BATCH'
  | 'FORBIDDEN'
  | 'ILLEGAL_TRANSITION'
  | 'INVALID'
  | 'INVALID_AMOUNT_RULE'
  | 'INVALID_DOCUMENT'
  | 'INVALID_FISCAL_YEAR'
  | 'INVALID_PAYEE'
  | 'NOT_ELIGIBLE'
  | 'NOT_FOUND'
  | 'NOT_IN_BATCH'
  | 'PROGRAM_EXISTS'
  | 'REASON_REQUIRED'
  | 'REQUIRED'
  | 'SEGREGATION_OF_DUTIES'
  | 'TOO_LONG';

export type LoginInput = {
  email: string;
  /** Defaults to your first park. */
  parkId?: string | number | null | undefined;
  password: string;
};

export type MarkNotificationsReadInput = {
  /** Every unread notification of yours. */
  all?: boolean | null | undefined;
  /** At most 100; or use `all`. */
  ids?: Array<string | number> | null | undefined;
};

/** Why a mutation of the Notification context failed. */
export type NotificationErrorCode =
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'INVALID'
  | 'INVALID_SELECTION'
  | 'NOT_FOUND'
  | 'REQUIRED'
  | 'TOO_LONG'
  | 'TOO_MANY';

/** 党委 PARTY_COMMITTEE, 党总支 GENERAL_BRANCH, 党支部 BRANCH, 联合党支部 JOINT_BRANCH (covers several enterprises), 临时党支部 TEMPORARY_BRANCH, 片区支部 AREA_BRANCH (floating members). */
export type OrganizationKind =
  | 'AREA_BRANCH'
  | 'BRANCH'
  | 'GENERAL_BRANCH'
  | 'JOINT_BRANCH'
  | 'PARTY_COMMITTEE'
  | 'TEMPORARY_BRANCH';

/** PREPARING (组建中) → FORMED (成立) → DISSOLVED; PREPARING → DISSOLVED. */
export type OrganizationStatus =
  | 'DISSOLVED'
  | 'FORMED'
  | 'PREPARING';

export type PayeeInput = {
  accountName: string;
  /** Stored encrypted; shown masked from now on. */
  accountNumber: string;
  bank: string;
};

/** Both days count, in park time (Asia/Shanghai). */
export type PeriodInput = {
  end: string;
  start: string;
};

export type RefreshTokenInput = {
  refreshToken: string;
};

/** A role in one park. */
export type Role =
  | 'AUDITOR'
  | 'CHAIN_STAFF'
  | 'ENTERPRISE_CONTACT'
  | 'FINANCE_OFFICER'
  | 'LIAISON_OFFICER'
  | 'PARK_ADMIN';

/** Why a mutation of the Tenancy context failed. */
export type TenancyErrorCode =
  | 'ACCOUNT_LOCKED'
  | 'ALREADY_DISABLED'
  | 'ALREADY_REVOKED'
  | 'CONFLICT'
  | 'DUPLICATE_MEMBERSHIP'
  | 'FORBIDDEN'
  | 'INVALID'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_EMAIL'
  | 'INVALID_PARK_CODE'
  | 'INVALID_REFRESH_TOKEN'
  | 'LAST_PARK_ADMIN'
  | 'NOT_FOUND'
  | 'NOT_LOCKED'
  | 'NO_MEMBERSHIP'
  | 'PARK_CODE_TAKEN'
  | 'PASSWORD_CONTAINS_EMAIL'
  | 'PASSWORD_REUSED'
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_SIMPLE'
  | 'REQUIRED'
  | 'SCOPE_NOT_ALLOWED'
  | 'SCOPE_REQUIRED'
  | 'TOO_LONG';

/** A status transition; `Ticket.viewerActions` lists the ones open to you now. */
export type TicketAction =
  | 'ACCEPT'
  | 'CLOSE'
  | 'MARK_DUPLICATE'
  | 'REJECT'
  | 'REOPEN'
  | 'REQUEST_INFO'
  | 'RESOLVE'
  | 'RESUME'
  | 'START';

/** Why a mutation of the Ticket context failed. */
export type TicketErrorCode =
  | 'CONFLICT'
  | 'DEADLINE_PASSED'
  | 'DUPLICATE_CODE'
  | 'EMPTY_FILE'
  | 'ENTERPRISE_ARCHIVED'
  | 'EXPORT_TOO_LARGE'
  | 'EXTENSION_DECIDED'
  | 'EXTENSION_PENDING'
  | 'FILE_TOO_LARGE'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'FORBIDDEN'
  | 'INVALID'
  | 'INVALID_ASSIGNEE'
  | 'INVALID_CATEGORY'
  | 'INVALID_DUPLICATE'
  | 'INVALID_EXTENSION'
  | 'INVALID_PERIOD'
  | 'INVALID_RATING'
  | 'INVALID_TARGET'
  | 'INVALID_TRANSITION'
  | 'INVALID_VISIT'
  | 'NOT_ALLOWED'
  | 'NOT_BREACHED'
  | 'NOT_FOUND'
  | 'REOPEN_WINDOW_PASSED'
  | 'REQUIRED'
  | 'STALE_VERSION'
  | 'TICKET_CLOSED'
  | 'TOO_LONG';

/** What a timeline entry records. */
export type TicketEventKind =
  | 'ASSIGNED'
  | 'ATTACHMENT_ADDED'
  | 'CREATED'
  | 'ESCALATED'
  | 'EXTENSION_DECIDED'
  | 'EXTENSION_REQUESTED'
  | 'INTERNAL_NOTE'
  | 'MERGED'
  | 'PUBLIC_REPLY'
  | 'REMINDER'
  | 'SLA_WARNING'
  | 'STATUS_CHANGED';

/** Which tickets: every condition given must hold. */
export type TicketFilterInput = {
  aspectId?: string | number | null | undefined;
  assigneeId?: string | number | null | undefined;
  categoryId?: string | number | null | undefined;
  chainId?: string | number | null | undefined;
  createdBefore?: string | null | undefined;
  createdFrom?: string | null | undefined;
  enterpriseId?: string | number | null | undefined;
  /** Only open tickets past a deadline now. */
  overdue?: boolean;
  priority?: TicketPriority | null | undefined;
  statuses?: Array<TicketStatus> | null | undefined;
  /** Only tickets still in their chain's queue. */
  unassigned?: boolean;
};

/** Sets the SLA targets. */
export type TicketPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

/** NEW → ACCEPTED (已受理) → IN_PROGRESS (办理中) → RESOLVED (已办结) → CLOSED; WAITING_ON_ENTERPRISE (待企业补充, the clock is paused) ↔ IN_PROGRESS; REJECTED (不予受理); DUPLICATE (merged); REOPENED. */
export type TicketStatus =
  | 'ACCEPTED'
  | 'CLOSED'
  | 'DUPLICATE'
  | 'IN_PROGRESS'
  | 'NEW'
  | 'REJECTED'
  | 'REOPENED'
  | 'RESOLVED'
  | 'WAITING_ON_ENTERPRISE';

export type TransitionTicketInput = {
  action: TicketAction;
  /** For MARK_DUPLICATE. */
  duplicateOfId?: string | number | null | undefined;
  expectedVersion?: number | null | undefined;
  id: string | number;
  /** 1-5; required when the enterprise confirms. */
  rating?: number | null | undefined;
  /** Required for REJECT (reason), REQUEST_INFO (what is missing), RESOLVE (what was done) and REOPEN (why); shown to the enterprise. With CLOSE, the rating's comment. */
  text?: string | null | undefined;
};

/** A partial update: a field left out keeps its value; null clears a field that may be empty; null for a field that may not is a REQUIRED userError. */
export type UpdateFundApplicationInput = {
  /** null: what the program's rule entitles the organisation to. */
  amountFen?: number | null | undefined;
  /** null: no documents. */
  documents?: Array<DocumentInput> | null | undefined;
  id: string | number;
  payee?: PayeeInput | null | undefined;
};

export type CoverageQueryVariables = Exact<{
  chainId?: string | number | null | undefined;
}>;


export type CoverageQuery = { coverage: { enterpriseCount: number, coveredEnterpriseCount: number, coverageRate: number, keyEnterpriseCount: number, employeeCount: number, coveredEmployeeCount: number, employeeCoverageRate: number, formedOrganizationCount: number, preparingOrganizationCount: number, memberCount: number, floatingMemberCount: number, formationPipelineCount: number, unreachedKeyEnterpriseCount: number, chain: { id: string, name: string } | null, organizationsByKind: Array<{ kind: OrganizationKind, formed: number, preparing: number }>, unreachedKeyEnterprises: Array<{ id: string, name: string }> } };

export type MyChainQueryVariables = Exact<{ [key: string]: never; }>;


export type MyChainQuery = { memberships: { nodes: Array<{ chainId: string | null }> } };

export type DashboardChainsQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardChainsQuery = { industryChains: { nodes: Array<{ id: string, name: string }> } };

export type ChainCoverageQueryVariables = Exact<{
  chainId: string | number;
}>;


export type ChainCoverageQuery = { coverage: { enterpriseCount: number, coveredEnterpriseCount: number, coverageRate: number } };

export type TicketFiguresQueryVariables = Exact<{
  period: PeriodInput;
}>;


export type TicketFiguresQuery = { ticketStats: { total: { openNow: number, resolved: number, slaMet: number, slaMetRate: number | null, rated: number, satisfactionAverage: number | null } }, overdue: { totalCount: number } };

export type FundFiguresQueryVariables = Exact<{ [key: string]: never; }>;


export type FundFiguresQuery = { submitted: { totalCount: number }, returned: { totalCount: number }, chainApproved: { totalCount: number }, parkApproved: { totalCount: number }, scheduled: { totalCount: number }, paying: { totalCount: number }, failed: { totalCount: number }, fundPrograms: { nodes: Array<{ id: string, name: string, fiscalYear: number, budget: { budgetFen: number, reservedFen: number, paidFen: number, availableFen: number } | null }> } };

export type PortalEnterprisesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalEnterprisesQuery = { enterprises: { nodes: Array<{ id: string, name: string, creditCode: string, area: string | null, address: string | null, employeeCount: number, isKey: boolean, isCovered: boolean, memberCount: number, contactName: string | null, contactPhone: string | null, chain: { id: string, name: string } | null, liaisonOfficers: Array<{ id: string, displayName: string }>, organizations: Array<{ id: string, name: string, kind: OrganizationKind, status: OrganizationStatus, formationMode: FormationMode, formedOn: string | null, memberCount: number, secretary: { id: string, name: string } | null }> }> } };

export type PortalSummaryQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalSummaryQuery = { unreadNotificationCount: number, open: { totalCount: number }, waiting: { totalCount: number }, returned: { totalCount: number } };

export type PortalTicketCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalTicketCategoriesQuery = { ticketCategories: Array<{ id: string, code: string, name: string, aspects: Array<{ id: string, code: string, name: string }> }> };

export type PortalTicketsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: TicketFilterInput | null | undefined;
}>;


export type PortalTicketsQuery = { tickets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, title: string, status: TicketStatus, priority: TicketPriority, createdAt: string, viewerActions: Array<TicketAction>, category: { id: string, name: string } | null, aspect: { id: string, name: string } | null, sla: { resolutionDueAt: string | null, paused: boolean, breached: boolean } }> } };

export type PortalTicketQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalTicketQuery = { ticket: { id: string, title: string, description: string, status: TicketStatus, priority: TicketPriority, version: number, createdAt: string, resolvedAt: string | null, closedAt: string | null, reopenableUntil: string | null, autoClosesAt: string | null, viewerActions: Array<TicketAction>, enterprise: { id: string, name: string } | null, chain: { id: string, name: string } | null, category: { id: string, name: string } | null, aspect: { id: string, name: string } | null, assignee: { id: string, displayName: string } | null, sla: { firstResponseDueAt: string | null, firstRespondedAt: string | null, resolutionDueAt: string | null, paused: boolean, breached: boolean }, satisfaction: { rating: number, comment: string | null } | null, attachments: Array<{ id: string, filename: string, contentType: string, sizeBytes: number, createdAt: string, downloadUrl: string, uploadedBy: { id: string, displayName: string } | null }>, timeline: { totalCount: number, nodes: Array<{ id: string, kind: TicketEventKind, body: string | null, data: JsonValue, createdAt: string, author: { id: string, displayName: string } | null }> } } };

export type PortalCreateTicketMutationVariables = Exact<{
  input: CreateTicketInput;
}>;


export type PortalCreateTicketMutation = { createTicket: { ticket: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: TicketErrorCode, message: string }> } };

export type PortalTransitionTicketMutationVariables = Exact<{
  input: TransitionTicketInput;
}>;


export type PortalTransitionTicketMutation = { transitionTicket: { ticket: { id: string, status: TicketStatus, version: number, viewerActions: Array<TicketAction> } | null, userErrors: Array<{ field: Array<string> | null, code: TicketErrorCode, message: string }> } };

export type PortalAddTicketCommentMutationVariables = Exact<{
  input: AddTicketCommentInput;
}>;


export type PortalAddTicketCommentMutation = { addTicketComment: { userErrors: Array<{ field: Array<string> | null, code: TicketErrorCode, message: string }> } };

export type PortalAddTicketAttachmentMutationVariables = Exact<{
  input: AddTicketAttachmentInput;
}>;


export type PortalAddTicketAttachmentMutation = { addTicketAttachment: { attachment: { id: string } | null, userErrors: Array<{ field: Array<string> | null, code: TicketErrorCode, message: string }> } };

export type PortalFundProgramsQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalFundProgramsQuery = { fundPrograms: { nodes: Array<{ id: string, kind: FundProgramKind, name: string, fiscalYear: number, amountRule: JsonValue }> } };

export type PortalFundApplicationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type PortalFundApplicationsQuery = { fundApplications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, status: FundApplicationStatus, amountFen: number, lastReason: string | null, createdAt: string, submittedAt: string | null, program: { id: string, name: string, kind: FundProgramKind, fiscalYear: number } | null, organization: { id: string, name: string } | null }> } };

export type PortalFundApplicationQueryVariables = Exact<{
  id: string | number;
}>;


export type PortalFundApplicationQuery = { node:
    | { id: string, status: FundApplicationStatus, amountFen: number, entitledFen: number, lastReason: string | null, createdAt: string, submittedAt: string | null, program: { id: string, name: string, kind: FundProgramKind, fiscalYear: number } | null, organization: { id: string, name: string } | null, payee: { accountName: string, bank: string, accountNumberMasked: string }, documents: Array<{ name: string, url: string, sizeBytes: number | null }>, payment: { status: FundPaymentStatus, settledAt: string | null } | null, steps: Array<{ action: FundApplicationAction, status: FundApplicationStatus, reason: string | null, at: string, actor: { id: string, displayName: string } | null }> }
    | Record<PropertyKey, never>
   };

export type PortalDraftFundApplicationMutationVariables = Exact<{
  input: DraftFundApplicationInput;
}>;


export type PortalDraftFundApplicationMutation = { draftFundApplication: { fundApplication: { id: string, status: FundApplicationStatus } | null, userErrors: Array<{ field: Array<string> | null, code: FundsErrorCode, message: string }> } };

export type PortalUpdateFundApplicationMutationVariables = Exact<{
  input: UpdateFundApplicationInput;
}>;


export type PortalUpdateFundApplicationMutation = { updateFundApplication: { fundApplication: { id: string, status: FundApplicationStatus } | null, userErrors: Array<{ field: Array<string> | null, code: FundsErrorCode, message: string }> } };

export type PortalSubmitFundApplicationMutationVariables = Exact<{
  input: FundApplicationIdInput;
}>;


export type PortalSubmitFundApplicationMutation = { submitFundApplication: { fundApplication: { id: string, status: FundApplicationStatus } | null, userErrors: Array<{ field: Array<string> | null, code: FundsErrorCode, message: string }> } };

export type PortalUnreadCountQueryVariables = Exact<{ [key: string]: never; }>;


export type PortalUnreadCountQuery = { unreadNotificationCount: number };

export type PortalNotificationsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type PortalNotificationsQuery = { notifications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: string, data: JsonValue, readAt: string | null, createdAt: string }> } };

export type PortalMarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type PortalMarkNotificationsReadMutation = { markNotificationsRead: { userErrors: Array<{ field: Array<string> | null, code: NotificationErrorCode, message: string }> } };

export type IndustryChainsQueryVariables = Exact<{ [key: string]: never; }>;


export type IndustryChainsQuery = { industryChains: { nodes: Array<{ id: string, name: string }> } };

export type EnterprisesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: EnterpriseFilter | null | undefined;
}>;


export type EnterprisesQuery = { enterprises: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, creditCode: string, area: string | null, employeeCount: number, isKey: boolean, isCovered: boolean, memberCount: number, archivedAt: string | null, chain: { id: string, name: string } | null }> } };

export type EnterpriseQueryVariables = Exact<{
  id: string | number;
}>;


export type EnterpriseQuery = { node:
    | { id: string, name: string, creditCode: string, address: string | null, area: string | null, employeeCount: number, isKey: boolean, isCovered: boolean, memberCount: number, contactName: string | null, contactPhone: string | null, archivedAt: string | null, createdAt: string, updatedAt: string | null, chain: { id: string, name: string } | null, organizations: Array<{ id: string, name: string, kind: OrganizationKind, status: OrganizationStatus, formedOn: string | null, memberCount: number }>, liaisonOfficers: Array<{ id: string, displayName: string }> }
    | Record<PropertyKey, never>
   };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string | null, refreshToken: string | null, expiresAt: string | null, userErrors: Array<{ field: Array<string> | null, code: TenancyErrorCode, message: string }> } };

export type RefreshTokenMutationVariables = Exact<{
  input: RefreshTokenInput;
}>;


export type RefreshTokenMutation = { refreshToken: { accessToken: string | null, refreshToken: string | null, expiresAt: string | null, userErrors: Array<{ field: Array<string> | null, code: TenancyErrorCode, message: string }> } };

export type LogoutMutationVariables = Exact<{
  input: RefreshTokenInput;
}>;


export type LogoutMutation = { logout: { ok: boolean, userErrors: Array<{ field: Array<string> | null, code: TenancyErrorCode, message: string }> } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { isPlatformAdmin: boolean, roles: Array<Role>, permissions: Array<ApiScope>, user: { id: string, email: string, displayName: string } | null, park: { id: string, code: string, name: string } | null, parks: Array<{ id: string, code: string, name: string }> } };


export const CoverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Coverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"chainId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"chainId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"chainId"}}},{"kind":"Argument","name":{"kind":"Name","value":"listLimit"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"enterpriseCount"}},{"kind":"Field","name":{"kind":"Name","value":"coveredEnterpriseCount"}},{"kind":"Field","name":{"kind":"Name","value":"coverageRate"}},{"kind":"Field","name":{"kind":"Name","value":"keyEnterpriseCount"}},{"kind":"Field","name":{"kind":"Name","value":"employeeCount"}},{"kind":"Field","name":{"kind":"Name","value":"coveredEmployeeCount"}},{"kind":"Field","name":{"kind":"Name","value":"employeeCoverageRate"}},{"kind":"Field","name":{"kind":"Name","value":"formedOrganizationCount"}},{"kind":"Field","name":{"kind":"Name","value":"preparingOrganizationCount"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"floatingMemberCount"}},{"kind":"Field","name":{"kind":"Name","value":"formationPipelineCount"}},{"kind":"Field","name":{"kind":"Name","value":"unreachedKeyEnterpriseCount"}},{"kind":"Field","name":{"kind":"Name","value":"organizationsByKind"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"formed"}},{"kind":"Field","name":{"kind":"Name","value":"preparing"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreachedKeyEnterprises"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<CoverageQuery, CoverageQueryVariables>;
export const MyChainDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyChain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"memberships"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"EnumValue","value":"CHAIN_STAFF"}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"chainId"}}]}}]}}]}}]} as unknown as DocumentNode<MyChainQuery, MyChainQueryVariables>;
export const DashboardChainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DashboardChains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"industryChains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardChainsQuery, DashboardChainsQueryVariables>;
export const ChainCoverageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ChainCoverage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"chainId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"chainId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"chainId"}}},{"kind":"Argument","name":{"kind":"Name","value":"listLimit"},"value":{"kind":"IntValue","value":"0"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterpriseCount"}},{"kind":"Field","name":{"kind":"Name","value":"coveredEnterpriseCount"}},{"kind":"Field","name":{"kind":"Name","value":"coverageRate"}}]}}]}}]} as unknown as DocumentNode<ChainCoverageQuery, ChainCoverageQueryVariables>;
export const TicketFiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TicketFigures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"period"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PeriodInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"period"},"value":{"kind":"Variable","name":{"kind":"Name","value":"period"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"openNow"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"slaMet"}},{"kind":"Field","name":{"kind":"Name","value":"slaMetRate"}},{"kind":"Field","name":{"kind":"Name","value":"rated"}},{"kind":"Field","name":{"kind":"Name","value":"satisfactionAverage"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"overdue"},"name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"overdue"},"value":{"kind":"BooleanValue","value":true}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}}]}}]} as unknown as DocumentNode<TicketFiguresQuery, TicketFiguresQueryVariables>;
export const FundFiguresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FundFigures"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"submitted"},"name":{"kind":"Name","value":"fundApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"SUBMITTED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"returned"},"name":{"kind":"Name","value":"fundApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"RETURNED_FOR_CHANGES"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"chainApproved"},"name":{"kind":"Name","value":"fundApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"CHAIN_APPROVED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"parkApproved"},"name":{"kind":"Name","value":"fundApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PARK_APPROVED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"scheduled"},"name":{"kind":"Name","value":"fundApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"SCHEDULED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"paying"},"name":{"kind":"Name","value":"fundApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"PAYING"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"failed"},"name":{"kind":"Name","value":"fundApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"FAILED"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fundPrograms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"budget"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"budgetFen"}},{"kind":"Field","name":{"kind":"Name","value":"reservedFen"}},{"kind":"Field","name":{"kind":"Name","value":"paidFen"}},{"kind":"Field","name":{"kind":"Name","value":"availableFen"}}]}}]}}]}}]}}]} as unknown as DocumentNode<FundFiguresQuery, FundFiguresQueryVariables>;
export const PortalEnterprisesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalEnterprises"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"employeeCount"}},{"kind":"Field","name":{"kind":"Name","value":"isKey"}},{"kind":"Field","name":{"kind":"Name","value":"isCovered"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"liaisonOfficers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"formationMode"}},{"kind":"Field","name":{"kind":"Name","value":"formedOn"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"secretary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalEnterprisesQuery, PortalEnterprisesQueryVariables>;
export const PortalSummaryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"open"},"name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"NEW"},{"kind":"EnumValue","value":"ACCEPTED"},{"kind":"EnumValue","value":"IN_PROGRESS"},{"kind":"EnumValue","value":"REOPENED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"waiting"},"name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"statuses"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"WAITING_ON_ENTERPRISE"},{"kind":"EnumValue","value":"RESOLVED"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"returned"},"name":{"kind":"Name","value":"fundApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"1"}},{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"EnumValue","value":"RETURNED_FOR_CHANGES"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]} as unknown as DocumentNode<PortalSummaryQuery, PortalSummaryQueryVariables>;
export const PortalTicketCategoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalTicketCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticketCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"aspects"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<PortalTicketCategoriesQuery, PortalTicketCategoriesQueryVariables>;
export const PortalTicketsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalTickets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TicketFilterInput"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tickets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aspect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"breached"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerActions"}}]}}]}}]}}]} as unknown as DocumentNode<PortalTicketsQuery, PortalTicketsQueryVariables>;
export const PortalTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolvedAt"}},{"kind":"Field","name":{"kind":"Name","value":"closedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reopenableUntil"}},{"kind":"Field","name":{"kind":"Name","value":"autoClosesAt"}},{"kind":"Field","name":{"kind":"Name","value":"viewerActions"}},{"kind":"Field","name":{"kind":"Name","value":"enterprise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aspect"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sla"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstResponseDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"firstRespondedAt"}},{"kind":"Field","name":{"kind":"Name","value":"resolutionDueAt"}},{"kind":"Field","name":{"kind":"Name","value":"paused"}},{"kind":"Field","name":{"kind":"Name","value":"breached"}}]}},{"kind":"Field","name":{"kind":"Name","value":"satisfaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}}]}},{"kind":"Field","name":{"kind":"Name","value":"attachments"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"uploadedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"timeline"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalTicketQuery, PortalTicketQueryVariables>;
export const PortalCreateTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalCreateTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PortalCreateTicketMutation, PortalCreateTicketMutationVariables>;
export const PortalTransitionTicketDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalTransitionTicket"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TransitionTicketInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"transitionTicket"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ticket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"viewerActions"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PortalTransitionTicketMutation, PortalTransitionTicketMutationVariables>;
export const PortalAddTicketCommentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalAddTicketComment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddTicketCommentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTicketComment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PortalAddTicketCommentMutation, PortalAddTicketCommentMutationVariables>;
export const PortalAddTicketAttachmentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalAddTicketAttachment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddTicketAttachmentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTicketAttachment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"attachment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PortalAddTicketAttachmentMutation, PortalAddTicketAttachmentMutationVariables>;
export const PortalFundProgramsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalFundPrograms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundPrograms"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}},{"kind":"Field","name":{"kind":"Name","value":"amountRule"}}]}}]}}]}}]} as unknown as DocumentNode<PortalFundProgramsQuery, PortalFundProgramsQueryVariables>;
export const PortalFundApplicationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalFundApplications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundApplications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amountFen"}},{"kind":"Field","name":{"kind":"Name","value":"lastReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalFundApplicationsQuery, PortalFundApplicationsQueryVariables>;
export const PortalFundApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalFundApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"FundApplication"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"amountFen"}},{"kind":"Field","name":{"kind":"Name","value":"entitledFen"}},{"kind":"Field","name":{"kind":"Name","value":"lastReason"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"submittedAt"}},{"kind":"Field","name":{"kind":"Name","value":"program"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"fiscalYear"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accountName"}},{"kind":"Field","name":{"kind":"Name","value":"bank"}},{"kind":"Field","name":{"kind":"Name","value":"accountNumberMasked"}}]}},{"kind":"Field","name":{"kind":"Name","value":"documents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"payment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"settledAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<PortalFundApplicationQuery, PortalFundApplicationQueryVariables>;
export const PortalDraftFundApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalDraftFundApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DraftFundApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"draftFundApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PortalDraftFundApplicationMutation, PortalDraftFundApplicationMutationVariables>;
export const PortalUpdateFundApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalUpdateFundApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateFundApplicationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateFundApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PortalUpdateFundApplicationMutation, PortalUpdateFundApplicationMutationVariables>;
export const PortalSubmitFundApplicationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalSubmitFundApplication"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"FundApplicationIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitFundApplication"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fundApplication"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PortalSubmitFundApplicationMutation, PortalSubmitFundApplicationMutationVariables>;
export const PortalUnreadCountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalUnreadCount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unreadNotificationCount"}}]}}]} as unknown as DocumentNode<PortalUnreadCountQuery, PortalUnreadCountQueryVariables>;
export const PortalNotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PortalNotifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"data"}},{"kind":"Field","name":{"kind":"Name","value":"readAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<PortalNotificationsQuery, PortalNotificationsQueryVariables>;
export const PortalMarkNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PortalMarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationsReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<PortalMarkNotificationsReadMutation, PortalMarkNotificationsReadMutationVariables>;
export const IndustryChainsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IndustryChains"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"industryChains"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<IndustryChainsQuery, IndustryChainsQueryVariables>;
export const EnterprisesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Enterprises"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"EnterpriseFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enterprises"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"employeeCount"}},{"kind":"Field","name":{"kind":"Name","value":"isKey"}},{"kind":"Field","name":{"kind":"Name","value":"isCovered"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnterprisesQuery, EnterprisesQueryVariables>;
export const EnterpriseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Enterprise"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Enterprise"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"creditCode"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"area"}},{"kind":"Field","name":{"kind":"Name","value":"employeeCount"}},{"kind":"Field","name":{"kind":"Name","value":"isKey"}},{"kind":"Field","name":{"kind":"Name","value":"isCovered"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}},{"kind":"Field","name":{"kind":"Name","value":"contactName"}},{"kind":"Field","name":{"kind":"Name","value":"contactPhone"}},{"kind":"Field","name":{"kind":"Name","value":"archivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"chain"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"organizations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"formedOn"}},{"kind":"Field","name":{"kind":"Name","value":"memberCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"liaisonOfficers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<EnterpriseQuery, EnterpriseQueryVariables>;
export const LoginDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Login"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LoginInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"login"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const RefreshTokenDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RefreshToken"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"refreshToken"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accessToken"}},{"kind":"Field","name":{"kind":"Name","value":"refreshToken"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<RefreshTokenMutation, RefreshTokenMutationVariables>;
export const LogoutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Logout"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RefreshTokenInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logout"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isPlatformAdmin"}},{"kind":"Field","name":{"kind":"Name","value":"roles"}},{"kind":"Field","name":{"kind":"Name","value":"permissions"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"park"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"parks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<MeQuery, MeQueryVariables>;