import fs from 'node:fs';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// The development setup of this plugin: a minimal backend with the plugin, a mocked catalog holding one
// component, mocked auth (every request is a user) and a config pointing at the local control plane.
//
// Start the local control plane (`npm start` at the repository root does, or tools/local-cluster), export
// LOCAL_CLUSTER_URL, LOCAL_CLUSTER_CA_FILE and LOCAL_CLUSTER_TOKEN (or LOCAL_CLUSTER_TOKEN_FILE), then run
// `npm start` in this package and try:
//
//   curl http://localhost:7007/api/jetstream2-kubernetes/health
//   curl http://localhost:7007/api/jetstream2-kubernetes/clusters
//   curl http://localhost:7007/api/jetstream2-kubernetes/clusters/js2-demo
//   curl http://localhost:7007/api/jetstream2-kubernetes/entities/default/component/jupyterhub/workloads

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set; export LOCAL_CLUSTER_URL, LOCAL_CLUSTER_CA_FILE and LOCAL_CLUSTER_TOKEN (or LOCAL_CLUSTER_TOKEN_FILE) of the local control plane`,
    );
  }
  return value;
}

function localClusterToken(): string {
  if (process.env.LOCAL_CLUSTER_TOKEN) return process.env.LOCAL_CLUSTER_TOKEN;
  return fs.readFileSync(required('LOCAL_CLUSTER_TOKEN_FILE'), 'utf8').trim();
}

const port = Number(process.env.PORT ?? 7007);

const backend = createBackend();

backend.add(
  mockServices.rootConfig.factory({
    data: {
      backend: {
        baseUrl: `http://localhost:${port}`,
        listen: { port },
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: [
              {
                name: 'js2-demo',
                title: 'js2-demo (local control plane)',
                url: required('LOCAL_CLUSTER_URL'),
                authProvider: 'serviceAccount',
                serviceAccountToken: localClusterToken(),
                caFile: required('LOCAL_CLUSTER_CA_FILE'),
              },
            ],
          },
        ],
      },
    },
  }),
);
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(
  catalogServiceMock.factory({
    entities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'jupyterhub',
          namespace: 'default',
          annotations: { 'backstage.io/kubernetes-id': 'jupyterhub' },
        },
        spec: { type: 'service', owner: 'guests', lifecycle: 'experimental' },
      },
    ],
  }),
);
backend.add(import('../src'));

backend.start();
