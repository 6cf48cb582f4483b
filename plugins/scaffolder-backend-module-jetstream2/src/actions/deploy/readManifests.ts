import fs from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { KubernetesManifest } from '@internal/plugin-jetstream2-kubernetes-node';
import { parseAllDocuments } from 'yaml';

const KUBERNETES_ID = 'backstage.io/kubernetes-id';

/**
 * The Kubernetes objects of the .yaml/.yml files in a workspace folder (sorted by file name), each
 * checked to carry `backstage.io/kubernetes-id: <id>` so that the new entity shows exactly these objects.
 */
export async function readManifests(
  workspacePath: string,
  folder: string,
  kubernetesId: string,
): Promise<KubernetesManifest[]> {
  let dir: string;
  try {
    dir = resolveSafeChildPath(workspacePath, folder);
  } catch {
    throw new InputError(
      `The manifests folder "${folder}" points outside the workspace; use a relative folder.`,
    );
  }
  const names = await fs.readdir(dir).catch(() => {
    throw new InputError(
      `The manifests folder "${folder}" does not exist in the workspace; check the step that renders it.`,
    );
  });
  const objects: KubernetesManifest[] = [];
  for (const name of names.filter(n => /\.ya?ml$/.test(n)).sort()) {
    const file = `${folder}/${name}`;
    const docs = parseAllDocuments(
      await fs.readFile(path.join(dir, name), 'utf8'),
    );
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if (doc.errors.length > 0) {
        throw new InputError(
          `${file} is not valid YAML: ${doc.errors[0].message}`,
        );
      }
      const o = doc.toJSON() as KubernetesManifest | null;
      if (!o) continue;
      if (o.metadata?.labels?.[KUBERNETES_ID] !== kubernetesId) {
        throw new InputError(
          `${o.kind ?? 'An object'} "${
            o.metadata?.name ?? '(no name)'
          }" in ${file} lacks the label ${KUBERNETES_ID}: ${kubernetesId}, so the new entity would not show it; the portal applies only objects that carry it.`,
        );
      }
      objects.push(o);
    }
  }
  if (objects.length === 0) {
    throw new InputError(
      `The manifests folder "${folder}" holds no Kubernetes object (.yaml files).`,
    );
  }
  return objects;
}
