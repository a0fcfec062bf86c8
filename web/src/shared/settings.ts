/** Settings of this deployment, written into index.html by the API (not baked into the build). */

export interface RuntimeSettings {
  /** Where the API answers GraphQL; same origin, so no CORS. */
  graphqlPath: string
  defaultLocale: 'zh-CN' | 'en'
  /** GraphiQL is served (DEBUG): the sign-in page links to it. */
  graphiql: boolean
  version: string
  /** The API ends a session left unused this long (SESSION_IDLE_MINUTES); the app warns a minute before. */
  sessionIdleMinutes: number
}

const DEFAULTS: RuntimeSettings = {
  graphqlPath: '/graphql',
  defaultLocale: 'zh-CN',
  graphiql: false,
  version: 'dev',
  sessionIdleMinutes: 30,
}

export function readSettings(doc: Document = document): RuntimeSettings {
  const text = doc.getElementById('redchain-settings')?.textContent ?? '{}'
  try {
    const parsed: unknown = JSON.parse(text)
    return typeof parsed === 'object' && parsed !== null ? { ...DEFAULTS, ...(parsed as Partial<RuntimeSettings>) } : DEFAULTS
  } catch {
    return DEFAULTS
  }
}

export const settings: RuntimeSettings = typeof document === 'undefined' ? DEFAULTS : readSettings()
