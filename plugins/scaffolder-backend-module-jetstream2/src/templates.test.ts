import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  describeFlavor,
  getFlavor,
  magnumClusterTemplates,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { clusterRequestFields } from './actions/cluster/request';
import { createClusterPlanAction } from './actions/planAction';
import { createClusterRenderAction } from './actions/renderAction';
import { createShowFilesAction } from './actions/showFilesAction';
import { createKubernetesApplyAction } from './actions/deploy/applyAction';
import { createCatalogRegisterAction } from './actions/deploy/registerAction';
import { createRepoUrlAction } from './actions/deploy/repoUrlAction';

// The catalog templates live in the repository's catalog/templates folder.
const templatesDir = path.resolve(__dirname, '../../../catalog/templates');
const load = (name: string) =>
  YAML.parse(
    fs.readFileSync(path.join(templatesDir, name, 'template.yaml'), 'utf8'),
  );

/** Every enum of a property named like `workerFlavor` or `gpuFlavors` (array items included). */
function findFlavorEnums(
  node: any,
  out: Array<{ property: string; enum: string[]; enumNames?: string[] }> = [],
) {
  if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries<any>(node.properties ?? {})) {
      if (/Flavors?$/.test(key)) {
        const holder = value?.items?.enum ? value.items : value;
        out.push({ property: key, ...holder });
      }
    }
    for (const v of Object.values(node)) findFlavorEnums(v, out);
  }
  return out;
}

/** The ids of the actions this module registers. */
const moduleActionIds = [
  createClusterPlanAction().id,
  createClusterRenderAction({}).id,
  createShowFilesAction().id,
  // The golden path's actions (their services are not needed to read their ids).
  createRepoUrlAction({} as any).id,
  createCatalogRegisterAction({} as any).id,
  createKubernetesApplyAction({} as any).id,
];

function findEnumPairs(
  node: any,
  out: Array<{ enum: string[]; enumNames: string[] }> = [],
) {
  if (node && typeof node === 'object') {
    if (Array.isArray(node.enum) && Array.isArray(node.enumNames))
      out.push(node);
    for (const v of Object.values(node)) findEnumPairs(v, out);
  }
  return out;
}

describe('catalog templates', () => {
  const names = [
    'jetstream2-magnum-cluster',
    'jetstream2-kubespray-cluster',
    'jetstream2-jupyterhub-gpu',
    'jetstream2-deploy-service',
  ];

  it('are all registered by catalog/templates/all.yaml', () => {
    const location = YAML.parse(
      fs.readFileSync(path.join(templatesDir, 'all.yaml'), 'utf8'),
    );
    expect(location.spec.targets).toEqual(
      names.map(n => `./${n}/template.yaml`),
    );
  });

  it.each(names)('%s is named after its folder and tagged jetstream2', name => {
    const t = load(name);
    expect(t.kind).toBe('Template');
    expect(t.metadata.name).toBe(name);
    expect(t.metadata.tags).toContain('jetstream2');
    expect(t.metadata.tags.includes('jetstream2-cluster')).toBe(
      name.endsWith('-cluster'),
    );
  });

  it.each(names)('%s shows enum labels for every enum value', name => {
    for (const pair of findEnumPairs(load(name).spec.parameters)) {
      expect(pair.enumNames).toHaveLength(pair.enum.length);
    }
  });

  it.each([
    ['jetstream2-magnum-cluster', ['masterFlavor', 'workerFlavor']],
    ['jetstream2-kubespray-cluster', ['masterFlavor', 'workerFlavor']],
    ['jetstream2-jupyterhub-gpu', ['gpuFlavors']],
  ])(
    '%s offers only known flavors, described exactly as the Jetstream2 facts describe them',
    (name, properties) => {
      const enums = findFlavorEnums(load(name).spec.parameters);
      expect(enums.map(e => e.property).sort()).toEqual(properties);
      for (const e of enums) {
        expect(e.enum.length).toBeGreaterThan(0);
        expect(e.enumNames).toHaveLength(e.enum.length);
        e.enum.forEach((value, i) => {
          const flavor = getFlavor(value);
          expect({ property: e.property, value, known: !!flavor }).toEqual({
            property: e.property,
            value,
            known: true,
          });
          expect(e.enumNames![i]).toBe(flavor && describeFlavor(flavor));
        });
      }
    },
  );

  it.each(names)('%s uses only actions that exist', name => {
    const used = load(name)
      .spec.steps.map((s: any) => s.action as string)
      .filter((a: string) => a.startsWith('jetstream2:'));
    expect(used.length).toBeGreaterThan(0);
    for (const action of used) expect(moduleActionIds).toContain(action);
  });

  it('offers only known Magnum templates', () => {
    const param = load('jetstream2-magnum-cluster').spec.parameters[0]
      .properties.clusterTemplate;
    expect([...param.enum].sort()).toEqual(
      magnumClusterTemplates.map(t => t.name).sort(),
    );
  });

  it.each(['jetstream2-magnum-cluster', 'jetstream2-kubespray-cluster'])(
    '%s passes only inputs the cluster actions know',
    name => {
      const known = new Set([
        ...Object.keys(clusterRequestFields),
        'owner',
        'description',
        'system',
        'tags',
        'targetPath',
      ]);
      const steps = load(name).spec.steps.filter((s: any) =>
        s.action.startsWith('jetstream2:cluster:'),
      );
      expect(steps.map((s: any) => s.action)).toEqual([
        'jetstream2:cluster:plan',
        'jetstream2:cluster:render',
      ]);
      for (const step of steps) {
        for (const key of Object.keys(step.input)) expect(known).toContain(key);
      }
    },
  );
});
