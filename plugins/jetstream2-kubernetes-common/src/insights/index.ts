// Insight rules: pure functions from live cluster objects to concepts present and recommended guides.
export * from './kube';
export * from './quantities';
export * from './rules';
export * from './presence';
export * from './recommend';
export * from './labelSelector';
export * from './groupEvents';
export * from './attention';
export * from './lastLogLine';
