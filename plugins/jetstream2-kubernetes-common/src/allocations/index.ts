// Jetstream2 allocations: the catalog model, who pays for what, the runway forecast, scale-down estimates.
export * from './model';
export * from './types';
export * from './forecast';
export * from './charge';
export * from './scaleDown';
