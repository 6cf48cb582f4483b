// Jetstream2 facts: flavors, quotas, Magnum cluster templates, allocation ids; the cost model; the
// checks the forms and the plan action share; what is free on a cluster for a new workload.
export * from './flavors';
export * from './facts';
export * from './cost';
export * from './planCost';
export * from './labels';
export * from './format';
export * from './checks';
export * from './capacity';
export * from './workloadFit';
