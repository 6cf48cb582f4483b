// Jetstream2 facts: flavors, quotas, Magnum cluster templates, allocation ids.
export * from './flavors';
export * from './facts';
export * from './cost';
