import type { CodegenConfig } from '@graphql-codegen/cli'

// Typed documents from the committed SDL; CI regenerates and fails when the output differs (make web-check).
const config: CodegenConfig = {
  schema: '../graphql/schema.graphql',
  documents: ['src/**/*.ts', 'src/**/*.vue', '!src/shared/graphql/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/shared/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // An unmapped scalar would silently become `unknown`; strictScalars makes it an error instead.
        strictScalars: true,
        scalars: {
          Date: 'string',
          DateTime: 'string',
          Fen: 'number',
          JSON: '../scalars#JsonValue',
          Upload: 'File',
        },
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
      },
    },
  },
}

export default config
