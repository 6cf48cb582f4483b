import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  CLUSTER_NAME_RULES,
  clusterRequestLabels,
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

  /** Every property schema of a template's parameters (dependencies and array items included), by name. */
  function propertySchemas(node: any, out: Array<[string, any]> = []) {
    if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries<any>(node.properties ?? {}))
        out.push([key, value]);
      for (const v of Object.values(node)) propertySchemas(v, out);
    }
    return out;
  }

  /** What the form (ajv with ajv-errors, as the scaffolder's Stepper sets it up) says for a keyword. */
  const messageFor = (schema: any, keyword: string): unknown =>
    typeof schema.errorMessage === 'string'
      ? schema.errorMessage
      : schema.errorMessage?.[keyword];

  it.each(names)(
    '%s says in words what every pattern and bound asks for, never the pattern itself',
    name => {
      const checked = propertySchemas(load(name).spec.parameters).flatMap(
        ([key, schema]) =>
          ['pattern', 'minimum', 'maximum', 'minItems']
            .filter(keyword => keyword in schema)
            .map(keyword => ({
              key,
              keyword,
              message: messageFor(schema, keyword),
            })),
      );
      expect(checked.length).toBeGreaterThan(1);
      for (const { key, keyword, message } of checked) {
        expect({ key, keyword, isText: typeof message === 'string' }).toEqual({
          key,
          keyword,
          isText: true,
        });
        // no regular expression syntax, no internal field name
        expect(message).not.toMatch(/[\^$\\[\]{}|]|\(\?|\.\*|must match/);
        // (a camelCase key is an internal name; "image" or "port" is also a word)
        expect(/[A-Z]/.test(key) && String(message).includes(key)).toBe(false);
      }
    },
  );

  it.each(names)(
    '%s shows its own errors once on the fields that explain them (Jetstream2 fields hide the form’s copy)',
    name => {
      const fields = propertySchemas(load(name).spec.parameters).filter(
        ([, schema]) =>
          ['Jetstream2Name', 'Jetstream2ClusterCost'].includes(
            schema['ui:field'],
          ),
      );
      expect(fields.length).toBeGreaterThan(0);
      for (const [key, schema] of fields) {
        expect({ key, hideError: schema['ui:hideError'] }).toEqual({
          key,
          hideError: true,
        });
      }
    },
  );

  it.each(['jetstream2-magnum-cluster', 'jetstream2-kubespray-cluster'])(
    '%s labels each field as the plan’s messages name it',
    name => {
      const labels = clusterRequestLabels as Record<string, string>;
      // (a oneOf branch names a field without describing it again: no title there)
      const props = propertySchemas(load(name).spec.parameters).filter(
        ([key, schema]) => key in labels && 'title' in schema,
      );
      expect(props.length).toBeGreaterThan(10);
      for (const [key, schema] of props) {
        expect({ key, title: schema.title }).toEqual({
          key,
          title: expect.stringMatching(
            new RegExp(`^${labels[key].replace(/[?()]/g, '\\$&')}`),
          ),
        });
      }
      const clusterName = propertySchemas(load(name).spec.parameters).find(
        ([key]) => key === 'clusterName',
      )![1];
      expect(clusterName.maxLength).toBe(CLUSTER_NAME_RULES.maxLength);
      expect(clusterName['ui:field']).toBe('Jetstream2Name');
    },
  );

  it.each([
    ['jetstream2-magnum-cluster', 'estimatedCost', 'Jetstream2ClusterCost', 2],
    [
      'jetstream2-kubespray-cluster',
      'estimatedCost',
      'Jetstream2ClusterCost',
      2,
    ],
    [
      'jetstream2-deploy-service',
      'workloadCheck',
      'Jetstream2WorkloadCheck',
      2,
    ],
    ['jetstream2-jupyterhub-gpu', 'gpuCheck', 'Jetstream2WorkloadCheck', 2],
  ])(
    '%s shows its cost (%s) as text the review step lists, on a step after the fields it reads',
    (name, key, field, step) => {
      const steps = load(name).spec.parameters;
      const found = steps[step].properties[key];
      expect(found).toMatchObject({ type: 'string', 'ui:field': field });
      expect(steps[step]['ui:order']).toEqual(['*', key]);
      const options = found['ui:options'] ?? {};
      for (const read of Object.entries<any>(options)
        .filter(([option]) => option.endsWith('Field'))
        .map(([, value]) => value as string)) {
        const at = steps.findIndex((s: any) =>
          propertySchemas(s).some(([k]) => k === read),
        );
        expect({ read, before: at >= 0 && at <= step }).toEqual({
          read,
          before: true,
        });
      }
    },
  );
});
