import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';

// The development setup of this module: a minimal backend with the scaffolder and this module, a mocked
// catalog holding the repository's templates (catalog/templates, read from their files at start-up, with
// the location annotations the catalog would give them so their skeletons are found), mocked auth (every
// request is a user) and SQLite in memory. No control plane, git host or cloud account is needed.
//
// Run `npm start` in this package (PORT changes the port) and try:
//
//   curl http://localhost:7007/api/scaffolder/v2/actions
//   curl http://localhost:7007/api/scaffolder/v2/templates/default/template/jetstream2-magnum-cluster/parameter-schema
//
// A dry run, as the Template Editor sends it (the template in the body; nothing is kept afterwards):
//
//   curl -X POST http://localhost:7007/api/scaffolder/v2/dry-run -H 'Content-Type: application/json' -d '{
//     "template": {"apiVersion": "scaffolder.backstage.io/v1beta3", "kind": "Template",
//       "metadata": {"name": "plan-only"}, "spec": {"type": "kubernetes-cluster", "steps": [
//         {"id": "plan", "name": "Plan", "action": "jetstream2:cluster:plan", "input": {
//           "clusterName": "gpu-lab", "allocation": "abc123456", "allocationKind": "gpu",
//           "method": "magnum", "masterFlavor": "m3.quad", "workerFlavor": "g3.medium",
//           "nodeCount": 1, "applicationCredential": "gpu-lab-magnum"}}],
//       "output": {"summary": "${{ steps.plan.output.summary }}"}}},
//     "values": {}, "directoryContents": []}'
//
// A real task from a catalog template (then follow it with GET /api/scaffolder/v2/tasks/<id>):
//
//   curl -X POST http://localhost:7007/api/scaffolder/v2/tasks -H 'Content-Type: application/json' -d '{
//     "templateRef": "template:default/jetstream2-kubespray-cluster",
//     "values": {"clusterName": "cpu-lab", "masterCount": 1, "allocation": "abc123456",
//       "allocationKind": "cpu", "applicationCredential": "cpu-lab-cred",
//       "owner": "group:default/platform-team", "masterFlavor": "m3.quad", "workerFlavor": "m3.medium",
//       "nodeCount": 2, "dockerVolumeSize": 10, "targetPath": "cluster", "listInLog": false}}'

const templatesDir = path.resolve(__dirname, '../../../catalog/templates');

/** The Template entities that catalog/templates/all.yaml lists, as the catalog would hold them. */
function catalogTemplates() {
  const index = path.join(templatesDir, 'all.yaml');
  const targets: string[] = YAML.parse(fs.readFileSync(index, 'utf8')).spec
    .targets;
  return targets.map(target => {
    const file = path.resolve(templatesDir, target);
    const entity = YAML.parse(fs.readFileSync(file, 'utf8'));
    // The scaffolder resolves `fetch:template` urls such as ./skeleton against this location.
    entity.metadata.namespace ??= 'default';
    entity.metadata.annotations = {
      ...entity.metadata.annotations,
      'backstage.io/managed-by-location': `file:${file}`,
      'backstage.io/managed-by-origin-location': `file:${index}`,
    };
    return entity;
  });
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
    },
  }),
);
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(catalogServiceMock.factory({ entities: catalogTemplates() }));
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('../src'));

backend.start();
