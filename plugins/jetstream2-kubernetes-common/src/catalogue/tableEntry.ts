/**
 * One entry of an `as const` catalogue table: T with its arrays read-only, so that a literal table
 * `satisfies readonly TableEntry<T>[]` while keeping its ids as literal types.
 */
export type TableEntry<T> = {
  readonly [K in keyof T]: T[K] extends readonly (infer E)[]
    ? readonly E[]
    : T[K];
};
