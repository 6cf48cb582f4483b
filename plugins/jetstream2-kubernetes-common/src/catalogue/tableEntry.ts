import type { Guide } from '../types';
import type { ConceptId } from './concepts';

/**
 * One entry of an `as const` catalogue table: T with its arrays read-only, so that a literal table
 * `satisfies readonly TableEntry<T>[]` while keeping its ids as literal types.
 */
export type TableEntry<T> = {
  readonly [K in keyof T]: T[K] extends readonly (infer E)[]
    ? readonly E[]
    : T[K] extends readonly (infer E)[] | undefined
    ? readonly E[] | undefined
    : T[K];
};

/** One row of a guide table: a Guide whose concept ids must exist in the concept table. */
export type GuideEntry = TableEntry<
  Omit<Guide, 'concepts'> & { concepts: ConceptId[] }
>;
