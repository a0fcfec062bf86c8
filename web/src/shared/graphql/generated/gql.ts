/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Coverage {\n    coverage(listLimit: 5) {\n      enterpriseCount\n      coveredEnterpriseCount\n      coverageRate\n      keyEnterpriseCount\n      employeeCount\n      coveredEmployeeCount\n      employeeCoverageRate\n      formedOrganizationCount\n      preparingOrganizationCount\n      memberCount\n      floatingMemberCount\n      formationPipelineCount\n      unreachedKeyEnterpriseCount\n      organizationsByKind {\n        kind\n        formed\n        preparing\n      }\n      unreachedKeyEnterprises {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CoverageDocument,
    "\n  query IndustryChains {\n    industryChains(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": typeof types.IndustryChainsDocument,
    "\n  query Enterprises($first: Int!, $after: String, $filter: EnterpriseFilter) {\n    enterprises(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        creditCode\n        area\n        employeeCount\n        isKey\n        isCovered\n        memberCount\n        archivedAt\n        chain {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.EnterprisesDocument,
    "\n  query Enterprise($id: ID!) {\n    node(id: $id) {\n      ... on Enterprise {\n        id\n        name\n        creditCode\n        address\n        area\n        employeeCount\n        isKey\n        isCovered\n        memberCount\n        contactName\n        contactPhone\n        archivedAt\n        createdAt\n        updatedAt\n        chain {\n          id\n          name\n        }\n        organizations {\n          id\n          name\n          kind\n          status\n          formedOn\n          memberCount\n        }\n        liaisonOfficers {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.EnterpriseDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.RefreshTokenDocument,
    "\n  mutation Logout($input: RefreshTokenInput!) {\n    logout(input: $input) {\n      ok\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      isPlatformAdmin\n      roles\n      permissions\n      user {\n        id\n        email\n        displayName\n      }\n      park {\n        id\n        code\n        name\n      }\n      parks {\n        id\n        code\n        name\n      }\n    }\n  }\n": typeof types.MeDocument,
};
const documents: Documents = {
    "\n  query Coverage {\n    coverage(listLimit: 5) {\n      enterpriseCount\n      coveredEnterpriseCount\n      coverageRate\n      keyEnterpriseCount\n      employeeCount\n      coveredEmployeeCount\n      employeeCoverageRate\n      formedOrganizationCount\n      preparingOrganizationCount\n      memberCount\n      floatingMemberCount\n      formationPipelineCount\n      unreachedKeyEnterpriseCount\n      organizationsByKind {\n        kind\n        formed\n        preparing\n      }\n      unreachedKeyEnterprises {\n        id\n        name\n      }\n    }\n  }\n": types.CoverageDocument,
    "\n  query IndustryChains {\n    industryChains(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n": types.IndustryChainsDocument,
    "\n  query Enterprises($first: Int!, $after: String, $filter: EnterpriseFilter) {\n    enterprises(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        creditCode\n        area\n        employeeCount\n        isKey\n        isCovered\n        memberCount\n        archivedAt\n        chain {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.EnterprisesDocument,
    "\n  query Enterprise($id: ID!) {\n    node(id: $id) {\n      ... on Enterprise {\n        id\n        name\n        creditCode\n        address\n        area\n        employeeCount\n        isKey\n        isCovered\n        memberCount\n        contactName\n        contactPhone\n        archivedAt\n        createdAt\n        updatedAt\n        chain {\n          id\n          name\n        }\n        organizations {\n          id\n          name\n          kind\n          status\n          formedOn\n          memberCount\n        }\n        liaisonOfficers {\n          id\n          displayName\n        }\n      }\n    }\n  }\n": types.EnterpriseDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.RefreshTokenDocument,
    "\n  mutation Logout($input: RefreshTokenInput!) {\n    logout(input: $input) {\n      ok\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      isPlatformAdmin\n      roles\n      permissions\n      user {\n        id\n        email\n        displayName\n      }\n      park {\n        id\n        code\n        name\n      }\n      parks {\n        id\n        code\n        name\n      }\n    }\n  }\n": types.MeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Coverage {\n    coverage(listLimit: 5) {\n      enterpriseCount\n      coveredEnterpriseCount\n      coverageRate\n      keyEnterpriseCount\n      employeeCount\n      coveredEmployeeCount\n      employeeCoverageRate\n      formedOrganizationCount\n      preparingOrganizationCount\n      memberCount\n      floatingMemberCount\n      formationPipelineCount\n      unreachedKeyEnterpriseCount\n      organizationsByKind {\n        kind\n        formed\n        preparing\n      }\n      unreachedKeyEnterprises {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Coverage {\n    coverage(listLimit: 5) {\n      enterpriseCount\n      coveredEnterpriseCount\n      coverageRate\n      keyEnterpriseCount\n      employeeCount\n      coveredEmployeeCount\n      employeeCoverageRate\n      formedOrganizationCount\n      preparingOrganizationCount\n      memberCount\n      floatingMemberCount\n      formationPipelineCount\n      unreachedKeyEnterpriseCount\n      organizationsByKind {\n        kind\n        formed\n        preparing\n      }\n      unreachedKeyEnterprises {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IndustryChains {\n    industryChains(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query IndustryChains {\n    industryChains(first: 100) {\n      nodes {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Enterprises($first: Int!, $after: String, $filter: EnterpriseFilter) {\n    enterprises(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        creditCode\n        area\n        employeeCount\n        isKey\n        isCovered\n        memberCount\n        archivedAt\n        chain {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Enterprises($first: Int!, $after: String, $filter: EnterpriseFilter) {\n    enterprises(first: $first, after: $after, filter: $filter) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        name\n        creditCode\n        area\n        employeeCount\n        isKey\n        isCovered\n        memberCount\n        archivedAt\n        chain {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Enterprise($id: ID!) {\n    node(id: $id) {\n      ... on Enterprise {\n        id\n        name\n        creditCode\n        address\n        area\n        employeeCount\n        isKey\n        isCovered\n        memberCount\n        contactName\n        contactPhone\n        archivedAt\n        createdAt\n        updatedAt\n        chain {\n          id\n          name\n        }\n        organizations {\n          id\n          name\n          kind\n          status\n          formedOn\n          memberCount\n        }\n        liaisonOfficers {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Enterprise($id: ID!) {\n    node(id: $id) {\n      ... on Enterprise {\n        id\n        name\n        creditCode\n        address\n        area\n        employeeCount\n        isKey\n        isCovered\n        memberCount\n        contactName\n        contactPhone\n        archivedAt\n        createdAt\n        updatedAt\n        chain {\n          id\n          name\n        }\n        organizations {\n          id\n          name\n          kind\n          status\n          formedOn\n          memberCount\n        }\n        liaisonOfficers {\n          id\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshToken($input: RefreshTokenInput!) {\n    refreshToken(input: $input) {\n      accessToken\n      refreshToken\n      expiresAt\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout($input: RefreshTokenInput!) {\n    logout(input: $input) {\n      ok\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Logout($input: RefreshTokenInput!) {\n    logout(input: $input) {\n      ok\n      userErrors {\n        field\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      isPlatformAdmin\n      roles\n      permissions\n      user {\n        id\n        email\n        displayName\n      }\n      park {\n        id\n        code\n        name\n      }\n      parks {\n        id\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      isPlatformAdmin\n      roles\n      permissions\n      user {\n        id\n        email\n        displayName\n      }\n      park {\n        id\n        code\n        name\n      }\n      parks {\n        id\n        code\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;