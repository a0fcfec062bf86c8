/** The value of the JSON scalar (audit before/after, settings): any JSON. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
