import type { ObjectRef } from '../../types';
import { clusterObjectKinds, type KubeObjectsByKind } from '../kube';
import { listNames, ref, verb } from './helpers';
import type { InsightDraft, InsightInput, InsightRule } from './types';

/** The lists whose labels tell a hub apart. */
const labelledLists = [
  'deployments',
  'statefulSets',
  'daemonSets',
  'pods',
  'services',
] as const satisfies readonly (keyof KubeObjectsByKind)[];

/** Objects whose labels match; pods only when nothing owns them (their controllers are listed instead). */
function labelled(
  input: InsightInput,
  match: (labels: Record<string, string>) => boolean,
): ObjectRef[] {
  const refs: ObjectRef[] = [];
  for (const list of labelledLists) {
    for (const obj of input.objects[list] ?? []) {
      if (list === 'pods' && (obj.metadata?.ownerReferences ?? []).length > 0)
        continue;
      if (match(obj.metadata?.labels ?? {})) {
        refs.push(ref(clusterObjectKinds[list], obj));
      }
    }
  }
  return refs;
}

/** Labels of the Zero to JupyterHub chart. */
function isJupyterHub(l: Record<string, string>): boolean {
  return (
    l['app.kubernetes.io/name'] === 'jupyterhub' ||
    l.app === 'jupyterhub' ||
    ((l.component === 'hub' || l.component === 'proxy') &&
      (l.app === undefined || l.app === 'jupyterhub'))
  );
}

/** Labels of the BinderHub chart. */
function isBinderHub(l: Record<string, string>): boolean {
  return (
    l['app.kubernetes.io/name'] === 'binderhub' ||
    l.app === 'binderhub' ||
    l.app === 'binder' ||
    l.component === 'binder'
  );
}

/** JupyterHub and BinderHub workloads, recognised by their labels (information: the guide that fits). */
export const hubWorkloads: InsightRule = {
  ruleIds: ['jupyterhub-workload', 'binderhub-workload'],
  evaluate(input) {
    const drafts: InsightDraft[] = [];
    const jupyterHub = labelled(input, isJupyterHub);
    if (jupyterHub.length > 0) {
      drafts.push({
        ruleId: 'jupyterhub-workload',
        severity: 'info',
        title: 'JupyterHub runs here',
        reason: `${listNames(jupyterHub)} ${verb(
          jupyterHub.length,
          'carries',
          'carry',
        )} JupyterHub labels (the Zero to JupyterHub chart). The guide walks through deploying and configuring JupyterHub on Jetstream2.`,
        guideId: 'zonca-jupyterhub',
        conceptIds: ['helm-release', 'deployment', 'persistent-volume-claim'],
        objects: jupyterHub,
      });
    }
    const binderHub = labelled(input, isBinderHub);
    if (binderHub.length > 0) {
      drafts.push({
        ruleId: 'binderhub-workload',
        severity: 'info',
        title: 'BinderHub runs here',
        reason: `${listNames(binderHub)} ${verb(
          binderHub.length,
          'carries',
          'carry',
        )} BinderHub labels. The guide covers the registry, cert-manager, DNS and the Helm install of BinderHub on Jetstream2.`,
        guideId: 'k8s-binderhub',
        conceptIds: ['helm-release', 'ingress', 'secret'],
        objects: binderHub,
      });
    }
    return drafts;
  },
};
