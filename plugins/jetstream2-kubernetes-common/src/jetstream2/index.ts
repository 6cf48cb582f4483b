// Jetstream2 facts: flavors, quotas, Magnum cluster templates, allocation ids, the cost model.
export * from './flavors';
export * from './facts';
export * from './cost';
export * from './planCost';
