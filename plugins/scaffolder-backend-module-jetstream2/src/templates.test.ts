import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  describeFlavor,
  getFlavor,
  magnumClusterTemplates,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { clusterRequestFields } from './actions/cluster/request';

// The catalog templates live in the repository's catalog/templates folder.
const templatesDir = path.resolve(__dirname, '../../../catalog/templates');
const load = (name: string) =>
  YAML.parse(
    fs.readFileSync(path.join(templatesDir, name, 'template.yaml'), 'utf8'),
  );

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

  it.each(names)(
    '%s shows flavors exactly as the Jetstream2 facts describe them',
    name => {
      for (const pair of findEnumPairs(load(name).spec.parameters)) {
        pair.enum.forEach((value, i) => {
          const flavor = getFlavor(value);
          if (flavor) expect(pair.enumNames[i]).toBe(describeFlavor(flavor));
        });
        expect(pair.enumNames).toHaveLength(pair.enum.length);
      }
    },
  );

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
      for (const step of load(name).spec.steps.filter((s: any) =>
        s.action.startsWith('jetstream2:cluster:'),
      )) {
        for (const key of Object.keys(step.input)) expect(known).toContain(key);
      }
    },
  );
});
