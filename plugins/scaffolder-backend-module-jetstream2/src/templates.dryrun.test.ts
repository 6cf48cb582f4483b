import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  createTemplateAction,
  scaffolderActionsExtensionPoint,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleJetstream2 } from './module';
import { INTERNAL_FIELD_NAME } from './actions/__testUtils__';

/**
 * publish:gitea by id only: a dry run skips every action without dry-run support (publish:gitea is one)
 * but still needs it registered. The real one runs against the real Gitea in packages/backend's
 * golden path tests.
 */
const publishGiteaById = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'publish-gitea-by-id',
  register(reg) {
    reg.registerInit({
      deps: { scaffolder: scaffolderActionsExtensionPoint },
      async init({ scaffolder }) {
        scaffolder.addActions(
          createTemplateAction({
            id: 'publish:gitea',
            async handler() {
              throw new Error('a dry run never runs publish:gitea');
            },
          }),
        );
      },
    });
  },
});

// Every template in catalog/templates runs through the real scaffolder's dry run (its router, its
// parameter validation, its templating and its built-in actions next to ours), as the "Template Editor"
// of the portal would run it.
jest.setTimeout(120_000);

const templatesDir = path.resolve(__dirname, '../../../catalog/templates');

/** Sample values per template, and what a dry run with them must produce. */
const cases: Record<
  string,
  {
    values: Record<string, unknown>;
    files: string[];
    output: (out: Record<string, any>) => void;
  }
> = {
  'jetstream2-magnum-cluster': {
    values: {
      clusterName: 'gpu-lab',
      clusterTemplate: 'kubernetes-1-33-jammy',
      masterCount: 1,
      allocation: 'abc123456',
      allocationKind: 'gpu',
      applicationCredential: 'gpu-lab-magnum',
      owner: 'group:default/platform-team',
      masterFlavor: 'm3.quad',
      workerFlavor: 'g3.medium',
      nodeCount: 1,
      dockerVolumeSize: 10,
      autoscaling: true,
      minNodes: 1,
      maxNodes: 3,
      addons: ['nvidia-device-plugin'],
      targetPath: 'cluster',
      listInLog: false,
    },
    files: [
      'cluster/README.md',
      'cluster/app-config.snippet.yaml',
      'cluster/catalog-info.yaml',
      'cluster/create-cluster.sh',
      'cluster/main.tf',
    ],
    output: out => {
      // m3.quad 4 SU/h + 1..3 × g3.medium 32 SU/h
      expect(out.text[0].content).toContain('**36 SU/h** at the start');
      expect(out.text[0].content).toContain(
        '| at maximum size | 4 (1 + 3) | 28 | 105 GB | 0.75 A100 (30 GB) | **100 SU/h** |',
      );
      expect(out.text[0].content).toContain('73,000 SU per month (730 h)');
      expect(out.text[1].content).toMatch(/^# gpu-lab/);
    },
  },
  'jetstream2-kubespray-cluster': {
    values: {
      clusterName: 'cpu-lab',
      masterCount: 1,
      allocation: 'abc123456',
      allocationKind: 'cpu',
      applicationCredential: 'cpu-lab-cred',
      owner: 'group:default/platform-team',
      masterFlavor: 'm3.quad',
      workerFlavor: 'm3.medium',
      nodeCount: 2,
      dockerVolumeSize: 10,
      addons: [],
      targetPath: 'cluster',
      listInLog: true,
    },
    files: [
      'cluster/README.md',
      'cluster/app-config.snippet.yaml',
      'cluster/catalog-info.yaml',
      'cluster/inventory/cpu-lab/STEPS.md',
      'cluster/inventory/cpu-lab/cluster.tfvars',
    ],
    output: out => {
      expect(out.text[0].content).toContain('**20 SU/h** at the start');
      expect(out.text[0].content).toContain('14,600 SU per month (730 h)');
    },
  },
  'jetstream2-jupyterhub-gpu': {
    values: {
      cluster: 'resource:default/js2-demo',
      namespace: 'jhub',
      releaseName: 'jhub',
      owner: 'group:default/science-gateways',
      adminUser: 'admin',
      imageName: 'quay.io/jupyter/pytorch-notebook',
      imageTag: 'cuda12-latest',
      storage: '10Gi',
      gpuFlavors: ['g3.medium', 'g3.large'],
    },
    files: [
      'jupyterhub/README.md',
      'jupyterhub/catalog-info.yaml',
      'jupyterhub/values.yaml',
    ],
    output: out => {
      expect(out.text[0].content).toContain('#### `jupyterhub/values.yaml`');
      expect(out.text[0].content).toContain('~~~yaml');
      expect(out.text[0].content).toContain(
        'GPU — 1/2 A100 (20 GB) on g3.large',
      );
    },
  },
  'jetstream2-deploy-service': {
    values: {
      name: 'hello',
      image: 'nginxinc/nginx-unprivileged:1.27',
      port: 8080,
      owner: 'group:default/science-gateways',
      cluster: 'resource:default/js2-demo',
      namespace: 'science',
      replicas: 2,
      cpu: '250m',
      memory: '256Mi',
      gpu: false,
      serviceType: 'ClusterIP',
    },
    // The repository's files at its root; the dry run skips the steps that write (check, publish,
    // register, apply: none supports a dry run).
    files: [
      'README.md',
      'catalog-info.yaml',
      'k8s/deployment.yaml',
      'k8s/service.yaml',
    ],
    output: out => {
      expect(out.text[0].content).toContain('k8s/deployment.yaml');
      expect(out.links[0]).toEqual({
        title: 'Repository',
        url: 'https://git.example.test/jetstream2/hello',
      });
      expect(out.links[2].url).toBe(
        '/catalog/default/component/hello/kubernetes',
      );
    },
  },
};

/** Every file under a folder as the dry-run route expects it: path relative to the template, base64. */
function directoryContents(dir: string, rel = ''): object[] {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .flatMap(e => {
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) return directoryContents(dir, p);
      if (p === 'template.yaml') return [];
      return [
        {
          path: p,
          base64Content: fs.readFileSync(path.join(dir, p)).toString('base64'),
        },
      ];
    });
}

/** Actions without a dry run: the scaffolder's dry run skips their steps. */
const WRITING_ACTIONS = [
  'publish:gitea',
  'jetstream2:catalog:register',
  'jetstream2:kubernetes:apply',
];

const templateNames = YAML.parse(
  fs.readFileSync(path.join(templatesDir, 'all.yaml'), 'utf8'),
).spec.targets.map((t: string) => t.split('/')[1]);

function loadTemplate(name: string) {
  return YAML.parse(
    fs.readFileSync(path.join(templatesDir, name, 'template.yaml'), 'utf8'),
  );
}

describe('catalog templates through the real scaffolder dry run', () => {
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    ({ server } = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleJetstream2,
        publishGiteaById,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            integrations: {
              gitea: [
                {
                  host: 'git.example.test',
                  baseUrl: 'https://git.example.test',
                },
              ],
            },
          },
        }),
      ],
    }));
  });

  const dryRun = (name: string, values: Record<string, unknown>) =>
    request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', mockCredentials.user.header())
      .send({
        template: loadTemplate(name),
        values,
        directoryContents: directoryContents(path.join(templatesDir, name)),
      });

  it('has sample values for every registered template, and no others', () => {
    expect(Object.keys(cases).sort()).toEqual([...templateNames].sort());
    expect(templateNames.length).toBeGreaterThanOrEqual(4);
  });

  it.each(templateNames as string[])(
    '%s succeeds and renders its files',
    async name => {
      const res = await dryRun(name, cases[name].values);
      expect({
        status: res.status,
        body: res.status === 200 ? '' : res.body,
      }).toEqual({ status: 200, body: '' });
      const failed = res.body.log.filter(
        (l: any) => l.body.status === 'failed',
      );
      expect(failed.map((l: any) => l.body.message)).toEqual([]);
      const completed = new Set(
        res.body.log
          .filter((l: any) => l.body.status === 'completed')
          .map((l: any) => l.body.stepId),
      );
      const template = loadTemplate(name);
      for (const step of template.spec.steps) {
        if (
          step.if === '${{ parameters.listInLog }}' &&
          !cases[name].values.listInLog
        )
          continue;
        if (WRITING_ACTIONS.includes(step.action)) continue;
        expect(completed).toContain(step.id);
      }
      expect(res.body.directoryContents.map((f: any) => f.path).sort()).toEqual(
        cases[name].files,
      );
      for (const f of res.body.directoryContents) {
        const text = Buffer.from(f.base64Content, 'base64').toString('utf8');
        expect(text).not.toMatch(/\$\{\{|\{\{\s*values\./);
      }
      cases[name].output(res.body.output);
    },
  );

  it('refuses a cluster whose monthly cost exceeds the allocation balance', async () => {
    const res = await dryRun('jetstream2-magnum-cluster', {
      ...cases['jetstream2-magnum-cluster'].values,
      allocationBalance: 50000,
    });
    // The dry run stops at the plan step and answers with its InputError, as the form shows it.
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(
      /costs 73,000 SU per month \(100 SU\/h\), which exceeds the allocation balance of 50,000 SU by 23,000 SU\. Lower "Most workers"/,
    );
    // (a dry run answers the first error only; e2e/forms.spec.ts reads a real task's log)
    expect(res.body.error.message).not.toMatch(INTERNAL_FIELD_NAME);
  });

  it('refuses values the template parameters do not allow', async () => {
    const res = await dryRun('jetstream2-magnum-cluster', {
      ...cases['jetstream2-magnum-cluster'].values,
      nodeCount: -1,
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toMatch(/nodeCount/);
  });
});
