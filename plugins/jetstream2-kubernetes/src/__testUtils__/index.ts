export { FakeJetstream2KubernetesApi } from './FakeJetstream2KubernetesApi';
export * from './fixtures';
export * from './allocationFixtures';
