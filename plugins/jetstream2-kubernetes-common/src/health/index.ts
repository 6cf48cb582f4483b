export * from './workloadsHealth';
