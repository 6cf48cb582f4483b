export * from './registry';
export * from './keptFields';
export * from './status';
