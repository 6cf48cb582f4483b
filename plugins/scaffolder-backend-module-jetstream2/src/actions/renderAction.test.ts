import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import YAML from 'yaml';
import { createClusterRenderAction } from './renderAction';
import { API_SERVER_PLACEHOLDER } from './cluster/renderFiles';
import {
  badRequests,
  FAKE_SECRET,
  listFiles,
  loggedText,
  makeContext,
  outputsOf,
  validRequest,
} from './__testUtils__';

const renderRequest = {
  ...validRequest,
  owner: 'group:default/data-science',
  tags: ['ml'],
};

describe('jetstream2:cluster:render', () => {
  const mockDir = createMockDirectory();
  const workspace = () => path.join(mockDir.path, 'workspace');
  const exportDir = () => path.join(mockDir.path, 'export');
  const action = createClusterRenderAction({
    exportDirectory: path.join(mockDir.path, 'export'),
  });
  const read = (p: string) =>
    fs.readFileSync(path.join(workspace(), p), 'utf8');

  beforeEach(() => {
    mockDir.clear();
    fs.mkdirSync(path.join(mockDir.path, 'workspace'));
  });

  it('writes the Magnum script, OpenTofu file, README, catalog entity and app-config snippet', async () => {
    const { ctx } = makeContext(renderRequest, { workspacePath: workspace() });
    await action.handler(ctx);

    expect(listFiles(workspace())).toEqual([
      'README.md',
      'app-config.snippet.yaml',
      'catalog-info.yaml',
      'create-cluster.sh',
      'main.tf',
    ]);

    const script = read('create-cluster.sh');
    expect(script).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(
      fs.statSync(path.join(workspace(), 'create-cluster.sh')).mode & 0o111,
    ).not.toBe(0);
    for (const flag of [
      '--cluster-template kubernetes-1-33-jammy',
      '--master-count 1',
      '--master-flavor m3.quad',
      '--flavor g3.medium',
      '--node-count 1',
      '--docker-volume-size 10',
      '--fixed-network auto_allocated_network',
      '--labels auto_scaling_enabled=true,min_node_count=1,max_node_count=4',
      '--merge-labels',
    ]) {
      expect(script).toContain(`    ${flag} \\\n`);
    }
    expect(script).toContain('openstack coe cluster create \\');
    expect(script).toContain('CLUSTER_NAME="gpu-lab"');
    expect(script).toContain(
      'openstack coe cluster config "$CLUSTER_NAME" --force',
    );
    expect(script).not.toMatch(/--keypair/);

    const tf = read('main.tf');
    expect(tf).toContain(
      'resource "openstack_containerinfra_cluster_v1" "cluster" {',
    );
    expect(tf).toMatch(/name\s+= "kubernetes-1-33-jammy"/);
    expect(tf).toMatch(/master_count\s+= 1\n/);
    expect(tf).toMatch(/flavor\s+= "g3.medium"/);
    expect(tf).toMatch(/fixed_network\s+= "auto_allocated_network"/);
    expect(tf).toMatch(/docker_volume_size\s+= 10/);
    expect(tf).toContain('max_node_count = "4"');
    expect(tf).toContain('ignore_changes = [node_count]');
    expect(tf).toMatch(/provider "openstack" \{\n {2}cloud = var.cloud\n\}/);
    expect(tf).not.toMatch(/application_credential_secret|password\s*=/);

    const entity = YAML.parse(read('catalog-info.yaml'));
    expect(entity).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: 'gpu-lab',
        annotations: {
          'kubernetes.io/api-server': API_SERVER_PLACEHOLDER,
          'kubernetes.io/auth-provider': 'serviceAccount',
          'jetstream2.org/allocation': 'abc123456',
          'jetstream2.org/max-nodes': '4',
        },
        tags: ['kubernetes', 'jetstream2', 'magnum', 'gpu', 'ml'],
      },
      spec: { type: 'kubernetes-cluster', owner: 'group:default/data-science' },
    });
    expect(
      entity.metadata.annotations[
        'kubernetes.io/api-server-certificate-authority'
      ],
    ).toMatch(/^REPLACE-/);
    expect(read('catalog-info.yaml')).toMatch(
      /api-server: https:\/\/REPLACE-\S+ # REPLACE after creation/,
    );

    const snippet = YAML.parse(read('app-config.snippet.yaml'));
    expect(snippet.kubernetes.clusterLocatorMethods).toEqual([
      {
        type: 'config',
        clusters: [
          expect.objectContaining({
            name: 'gpu-lab',
            authProvider: 'serviceAccount',
            serviceAccountToken: '${GPU_LAB_TOKEN}',
            caData: '${GPU_LAB_CA_DATA}',
            skipTLSVerify: false,
          }),
        ],
      },
    ]);

    const readme = read('README.md');
    expect(readme).toContain('**132 SU/h**');
    expect(readme).toContain(
      'https://docs.jetstream-cloud.org/general/k8smagnum/',
    );
    expect(readme).toContain(
      'https://docs.jetstream-cloud.org/general/k8sgpu/',
    );
    expect(readme).toContain('"Most workers" = 4 is final');
    expect(readme).toContain('`GPU_LAB_TOKEN`');

    const out = outputsOf(ctx);
    expect(out.files).toEqual([
      'README.md',
      'create-cluster.sh',
      'main.tf',
      'catalog-info.yaml',
      'app-config.snippet.yaml',
    ]);
    expect(out.entityRef).toBe('resource:default/gpu-lab');
    expect(out.catalogInfoPath).toBe('catalog-info.yaml');
    expect(out.suPerHourMax).toBe(132);
    expect(out.readme).toBe(readme);
    expect(out.filesMarkdown).toContain(
      '#### `create-cluster.sh`\n\n~~~bash\n#!/usr/bin/env bash',
    );
    expect(out.exportedTo).toBe(
      path.join(exportDir(), 'gpu-lab', 'mock-task-id'),
    );
    expect(listFiles(out.exportedTo)).toEqual(listFiles(workspace()));
  });

  it('writes a Kubespray inventory into a sub-folder', async () => {
    const { ctx } = makeContext(
      {
        ...renderRequest,
        method: 'kubespray',
        autoscaling: false,
        nodeCount: 2,
        masterFlavor: 'm3.medium',
        targetPath: 'cluster',
      },
      { workspacePath: workspace() },
    );
    await action.handler(ctx);
    expect(listFiles(workspace())).toEqual([
      'cluster/README.md',
      'cluster/app-config.snippet.yaml',
      'cluster/catalog-info.yaml',
      'cluster/inventory/gpu-lab/STEPS.md',
      'cluster/inventory/gpu-lab/cluster.tfvars',
    ]);
    const tfvars = read('cluster/inventory/gpu-lab/cluster.tfvars');
    expect(tfvars).toContain('cluster_name = "gpu-lab"');
    expect(tfvars).toMatch(/number_of_k8s_masters\s+= 1\n/);
    expect(tfvars).toMatch(/number_of_k8s_nodes_no_floating_ip = 2\n/);
    expect(tfvars).toMatch(
      /flavor_k8s_node\s+= "REPLACE_WITH_ID_OF:g3.medium"/,
    );
    expect(read('cluster/inventory/gpu-lab/STEPS.md')).toContain(
      'for f in m3.medium g3.medium; do',
    );
    expect(outputsOf(ctx).catalogInfoPath).toBe('cluster/catalog-info.yaml');
  });

  it('writes CACAO instructions', async () => {
    const { ctx } = makeContext(
      { ...renderRequest, method: 'cacao', autoscaling: false, nodeCount: 3 },
      { workspacePath: workspace() },
    );
    await action.handler(ctx);
    const cacao = read('CACAO.md');
    expect(cacao).toContain(
      'Number of instances: **4** (1 control plane + 3 workers)',
    );
    expect(cacao).toContain(
      'g3.medium — 8 vCPU, 30 GB RAM, 1/4 A100 (10 GB) — 32 SU/h',
    );
    expect(listFiles(workspace())).not.toContain('create-cluster.sh');
  });

  it('in a dry run renders only into the dry-run workspace and exports nothing', async () => {
    const { ctx, logger } = makeContext(renderRequest, {
      workspacePath: workspace(),
      isDryRun: true,
    });
    await action.handler(ctx);
    expect(listFiles(workspace())).toHaveLength(5);
    expect(fs.existsSync(exportDir())).toBe(false);
    expect(outputsOf(ctx).exportedTo).toBe('');
    expect(loggedText(logger)).toContain('[dry run]');
  });

  it('keeps task secrets out of every file, output and log line', async () => {
    const { ctx, logger } = makeContext(renderRequest, {
      workspacePath: workspace(),
      secrets: { OS_APPLICATION_CREDENTIAL_SECRET: FAKE_SECRET },
    });
    await action.handler(ctx);
    const everything = [
      ...listFiles(workspace()).map(read),
      JSON.stringify(outputsOf(ctx)),
      loggedText(logger),
    ].join('\n');
    expect(everything).not.toContain(FAKE_SECRET);
    expect(everything).toContain('gpu-lab-magnum'); // the reference is fine
  });

  it('reports an export folder it cannot write to in words, without its path or a stack trace', async () => {
    // a file where the export folder should be
    fs.writeFileSync(exportDir(), 'not a folder');
    const { ctx } = makeContext(renderRequest, { workspacePath: workspace() });
    const error = await action.handler(ctx).then(
      () => undefined,
      e => e,
    );
    expect(error.message).toMatch(
      /^jetstream2:cluster:render stopped on an error of the portal, not of your request: the files could not be copied to the portal's export folder \(E[A-Z]+\); they are still in this task's workspace\./,
    );
    expect(error.message).not.toContain(mockDir.path);
    expect(error.stack).toBe(`Error: ${error.message}`);
    expect(error.stack).not.toMatch(/\n\s+at /);
  });

  const renderOnlyBad: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      'path traversal in targetPath',
      { targetPath: '../../etc' },
      /"Folder for the files" "..\/..\/etc" points outside the workspace/,
    ],
    [
      'absolute targetPath',
      { targetPath: '/tmp/x' },
      /points outside the workspace/,
    ],
    [
      'owner that is not an entity ref',
      { owner: 'Platform Team!' },
      /"Owner" "Platform Team!" is not an entity reference/,
    ],
    [
      'invalid tag',
      { tags: ['Bad Tag'] },
      /The tag "Bad Tag" is not a valid catalog tag/,
    ],
  ];

  it.each([...badRequests, ...renderOnlyBad])(
    'refuses %s and writes nothing',
    async (_label, change, message) => {
      const { ctx } = makeContext(
        { ...renderRequest, ...change },
        { workspacePath: workspace() },
      );
      const error = await action.handler(ctx).then(
        () => undefined,
        e => e,
      );
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(message);
      expect(listFiles(workspace())).toEqual([]);
      expect(fs.existsSync(exportDir())).toBe(false);
      expect(ctx.output).not.toHaveBeenCalled();
    },
  );
});
