// Jetstream2 facts: flavors, quotas, Magnum cluster templates, allocation ids.
export {};
