/**
 * Shared by the jetstream2-kubernetes frontend and backend plugins and the scaffolder module: wire types,
 * permissions, the guide and concept catalogue, the pure rules that turn live data into advice, and
 * Jetstream2 facts (flavors, quotas).
 *
 * @packageDocumentation
 */
export * from './permissions';
export * from './types';
export * from './catalogue';
export * from './insights';
export * from './jetstream2';
export * from './resources';
export * from './allocations';
