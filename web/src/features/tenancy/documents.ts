/** Sign-in, session and the viewer: the tenancy context's operations used by the app shell. */
import { graphql } from '@/shared/graphql/generated'

export const LoginDocument = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      accessToken
      refreshToken
      expiresAt
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const RefreshTokenDocument = graphql(`
  mutation RefreshToken($input: RefreshTokenInput!) {
    refreshToken(input: $input) {
      accessToken
      refreshToken
      expiresAt
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const LogoutDocument = graphql(`
  mutation Logout($input: RefreshTokenInput!) {
    logout(input: $input) {
      ok
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const MeDocument = graphql(`
  query Me {
    me {
      isPlatformAdmin
      mustChangePassword
      roles
      permissions
      user {
        id
        email
        displayName
      }
      park {
        id
        code
        name
      }
      parks {
        id
        code
        name
      }
    }
  }
`)

export const ChangePasswordDocument = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input) {
      accessToken
      refreshToken
      expiresAt
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const SwitchParkDocument = graphql(`
  mutation SwitchPark($input: SwitchParkInput!) {
    switchPark(input: $input) {
      accessToken
      refreshToken
      expiresAt
      userErrors {
        field
        code
        message
      }
    }
  }
`)

export const PasswordPolicyDocument = graphql(`
  query PasswordPolicy {
    passwordPolicy {
      minLength
      maxLength
      minCharacterClasses
      history
    }
  }
`)
