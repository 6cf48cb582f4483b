import type {
  ClusterError,
  Insight,
  InsightSeverity,
  ObjectRef,
} from '../types';
import type { ClusterObjects, KubeObject } from './kube';
import { isNodeReady } from '../resources/status';
import { GPU_RESOURCE, parseQuantity, podRequests } from './quantities';

/** What the rules look at. */
export interface InsightInput {
  /** Cluster name, copied into each insight. */
  cluster?: string;
  /** The error of the cluster's last collection, if any. */
  clusterError?: ClusterError;
  /** The objects to judge: a whole cluster, or one entity's objects in it. */
  objects: ClusterObjects;
  /**
   * Cluster-wide facts the rules need even when `objects` is one entity's share: nodes (GPU capacity,
   * readiness), storage classes and warning events. Defaults to `objects`.
   */
  clusterWide?: Pick<ClusterObjects, 'nodes' | 'storageClasses' | 'events'>;
  /**
   * 'cluster' judges every node; 'entity' judges only the nodes the entity's pods run on.
   * Defaults to 'cluster'.
   */
  scope?: 'cluster' | 'entity';
}

/** At most this many objects are listed in one insight. */
export const MAX_OBJECTS_PER_INSIGHT = 20;

const severityRank: Record<InsightSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

export function compareSeverity(
  a: InsightSeverity,
  b: InsightSeverity,
): number {
  return severityRank[a] - severityRank[b];
}

function ref(kind: string, obj: KubeObject): ObjectRef {
  const r: ObjectRef = { kind, name: obj.metadata?.name ?? '' };
  if (obj.metadata?.namespace) r.namespace = obj.metadata.namespace;
  return r;
}

function describe(refs: ObjectRef[]): string {
  const names = refs
    .slice(0, 3)
    .map(r => (r.namespace ? `${r.namespace}/${r.name}` : r.name));
  const more = refs.length > 3 ? ` and ${refs.length - 3} more` : '';
  return `${names.join(', ')}${more}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

type Draft = Omit<Insight, 'cluster' | 'objects'> & { objects: ObjectRef[] };

/** Messages of the scheduler about a pod: its PodScheduled condition and FailedScheduling events. */
function schedulingMessages(
  pod: KubeObject,
  eventsByPod: Map<string, string[]>,
): string[] {
  const messages: string[] = [];
  for (const c of pod.status?.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.status === 'False' && c.message)
      messages.push(c.message);
  }
  const key = `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
  messages.push(...(eventsByPod.get(key) ?? []));
  return messages;
}

function indexSchedulingEvents(events: KubeObject[]): Map<string, string[]> {
  const byPod = new Map<string, string[]>();
  for (const e of events) {
    const involved = (e as any).involvedObject ?? (e as any).regarding;
    const reason = (e as any).reason;
    const message = (e as any).message ?? (e as any).note;
    if (
      !involved ||
      involved.kind !== 'Pod' ||
      reason !== 'FailedScheduling' ||
      !message
    )
      continue;
    const key = `${involved.namespace ?? ''}/${involved.name ?? ''}`;
    const list = byPod.get(key) ?? [];
    list.push(String(message));
    byPod.set(key, list);
  }
  return byPod;
}

function isPending(pod: KubeObject): boolean {
  return pod.status?.phase === 'Pending' && !pod.metadata?.deletionTimestamp;
}

function isDefaultStorageClass(sc: KubeObject): boolean {
  const a = sc.metadata?.annotations ?? {};
  return (
    a['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    a['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}

function credentialsRule(input: InsightInput): Draft[] {
  const err = input.clusterError;
  if (!err || (err.reason !== 'unauthorized' && err.reason !== 'forbidden'))
    return [];
  const what =
    err.reason === 'unauthorized'
      ? 'rejects the portal\u2019s credentials (HTTP 401)'
      : 'refuses the portal access (HTTP 403)';
  return [
    {
      ruleId: 'cluster-credentials',
      severity: 'error',
      title: 'The cluster does not accept the portal\u2019s credentials',
      reason: `The API server ${what}. On Jetstream2 this usually means an application credential or service-account token expired or was replaced; the guide shows how to put a new credential into the cluster and restart what uses it.`,
      guideId: 'zonca-credentials',
      conceptIds: ['secret'],
      objects: [],
    },
  ];
}

function pvcRule(
  input: InsightInput,
  wide: InsightInput['clusterWide'],
): Draft[] {
  const pvcs = input.objects.persistentVolumeClaims ?? [];
  const pending = pvcs.filter(p => p.status?.phase === 'Pending');
  if (pending.length === 0) return [];
  const classes = wide?.storageClasses;
  const classNames = new Set((classes ?? []).map(sc => sc.metadata?.name));
  const hasDefault = (classes ?? []).some(isDefaultStorageClass);
  const causes: string[] = [];
  const missingClass = new Set<string>();
  let unsetWithoutDefault = 0;
  let shared = false;
  for (const p of pending) {
    const cls: string | undefined = p.spec?.storageClassName ?? undefined;
    if ((p.spec?.accessModes ?? []).includes('ReadWriteMany')) shared = true;
    if (classes === undefined) continue;
    if (cls && !classNames.has(cls)) missingClass.add(cls);
    if (cls === undefined && !hasDefault) unsetWithoutDefault += 1;
  }
  if (missingClass.size > 0) {
    causes.push(
      `the StorageClass ${[...missingClass]
        .map(c => `"${c}"`)
        .join(', ')} does not exist in the cluster`,
    );
  }
  if (unsetWithoutDefault > 0) {
    causes.push(
      'the claim names no StorageClass and the cluster has no default StorageClass, so nothing provisions a volume',
    );
  }
  const refs = pending.map(p => ref('PersistentVolumeClaim', p));
  const cause =
    causes.length > 0
      ? causes.join('; ')
      : 'no PersistentVolume has been bound to it yet (the provisioner may be missing or still working)';
  const manila = shared
    ? ' It asks for ReadWriteMany (shared) access: for data shared between pods or JupyterHub users see the Manila guide (k8s-manila).'
    : ' For data shared between pods or users, the Manila guide (k8s-manila) shows a CephFS share.';
  return [
    {
      ruleId: 'pvc-pending',
      severity: 'warning',
      title: `${plural(
        pending.length,
        'PersistentVolumeClaim',
      )} waiting for storage`,
      reason: `${describe(refs)} ${
        pending.length === 1 ? 'is' : 'are'
      } Pending because ${cause}. The volumes guide explains StorageClasses, PersistentVolumes and claims.${manila}`,
      guideId: 'k8s-volumes',
      conceptIds: [
        'persistent-volume-claim',
        'persistent-volume',
        'storage-class',
      ],
      objects: refs,
    },
  ];
}

function schedulingRules(
  input: InsightInput,
  wide: InsightInput['clusterWide'],
): Draft[] {
  const pods = (input.objects.pods ?? []).filter(isPending);
  if (pods.length === 0) return [];
  const eventsByPod = indexSchedulingEvents(wide?.events ?? []);
  const nodes = wide?.nodes;
  const clusterGpus = (nodes ?? []).reduce(
    (sum, n) => sum + parseQuantity(n.status?.allocatable?.[GPU_RESOURCE]),
    0,
  );
  const gpuPods: KubeObject[] = [];
  const gpuNoNodes: KubeObject[] = [];
  const cpuMemPods: KubeObject[] = [];
  const lacking = new Set<string>();
  for (const pod of pods) {
    const messages = schedulingMessages(pod, eventsByPod).join(' ');
    const wantsGpu = podRequests(pod).gpus > 0;
    if (/Insufficient nvidia\.com\/gpu/.test(messages)) {
      gpuPods.push(pod);
    } else if (wantsGpu && nodes !== undefined && clusterGpus === 0) {
      gpuNoNodes.push(pod);
    } else if (/Insufficient (cpu|memory)/.test(messages)) {
      cpuMemPods.push(pod);
      if (/Insufficient cpu/.test(messages)) lacking.add('CPU');
      if (/Insufficient memory/.test(messages)) lacking.add('memory');
    }
  }
  const drafts: Draft[] = [];
  const gpu = [...gpuPods, ...gpuNoNodes];
  if (gpu.length > 0) {
    const refs = gpu.map(p => ref('Pod', p));
    const why =
      gpuNoNodes.length > 0 && clusterGpus === 0
        ? `request ${GPU_RESOURCE} but no node of the cluster offers GPUs`
        : `cannot be scheduled: the scheduler reports "Insufficient ${GPU_RESOURCE}"`;
    drafts.push({
      ruleId: 'gpu-unschedulable',
      severity: 'error',
      title: `${plural(gpu.length, 'Pod')} waiting for a GPU`,
      reason: `${describe(
        refs,
      )} ${why}. The GPU guide covers g3 (A100) nodes, the NVIDIA device plugin and GPU requests.`,
      guideId: 'k8s-gpu',
      conceptIds: ['pod', 'node', 'gpu-device-plugin', 'taints-tolerations'],
      objects: refs,
    });
  }
  if (cpuMemPods.length > 0) {
    const refs = cpuMemPods.map(p => ref('Pod', p));
    const what = [...lacking].join(' and ');
    drafts.push({
      ruleId: 'insufficient-cpu-memory',
      severity: 'warning',
      title: `${plural(cpuMemPods.length, 'Pod')} waiting for ${what}`,
      reason: `${describe(
        refs,
      )} cannot be scheduled because no node has enough free ${what} for their requests. Add nodes or larger flavors, or enable the Magnum cluster autoscaler; the Magnum guide shows how to resize a cluster.`,
      guideId: 'k8s-magnum',
      conceptIds: ['pod', 'node', 'cluster-autoscaler'],
      objects: refs,
    });
  }
  return drafts;
}

function nodeRule(
  input: InsightInput,
  wide: InsightInput['clusterWide'],
): Draft[] {
  let nodes = wide?.nodes ?? [];
  if (input.scope === 'entity') {
    const used = new Set(
      (input.objects.pods ?? []).map(p => p.spec?.nodeName).filter(Boolean),
    );
    nodes = nodes.filter(n => used.has(n.metadata?.name));
  }
  const notReady = nodes.filter(n => !isNodeReady(n));
  const cordoned = nodes.filter(n => isNodeReady(n) && n.spec?.unschedulable);
  if (notReady.length === 0 && cordoned.length === 0) return [];
  const refs = [...notReady, ...cordoned].map(n => ref('Node', n));
  const parts: string[] = [];
  if (notReady.length > 0) {
    parts.push(
      `${describe(notReady.map(n => ref('Node', n)))} ${
        notReady.length === 1 ? 'is' : 'are'
      } NotReady`,
    );
  }
  if (cordoned.length > 0) {
    parts.push(
      `${describe(cordoned.map(n => ref('Node', n)))} ${
        cordoned.length === 1 ? 'is' : 'are'
      } cordoned (unschedulable)`,
    );
  }
  return [
    {
      ruleId: 'node-not-ready',
      severity: notReady.length > 0 ? 'error' : 'warning',
      title:
        notReady.length > 0
          ? `${plural(notReady.length, 'node')} not ready`
          : `${plural(cordoned.length, 'node')} cordoned`,
      reason: `${parts.join(
        '; ',
      )}. If a node was shelved or drained on purpose, the soft-scaling guide shows how to unshelve and uncordon it; otherwise check its kubelet and the VM in Horizon.`,
      guideId: 'zonca-softscale',
      conceptIds: ['node', 'cordon-drain', 'kubelet'],
      objects: refs,
    },
  ];
}

function addressRule(input: InsightInput): Draft[] {
  const services = (input.objects.services ?? []).filter(
    s =>
      s.spec?.type === 'LoadBalancer' &&
      !(s.status?.loadBalancer?.ingress ?? []).length,
  );
  const ingresses = (input.objects.ingresses ?? []).filter(
    i => !(i.status?.loadBalancer?.ingress ?? []).length,
  );
  const refs = [
    ...services.map(s => ref('Service', s)),
    ...ingresses.map(i => ref('Ingress', i)),
  ];
  if (refs.length === 0) return [];
  const what: string[] = [];
  if (services.length > 0)
    what.push(
      `${plural(
        services.length,
        'LoadBalancer Service',
      )} without an external address`,
    );
  if (ingresses.length > 0)
    what.push(`${plural(ingresses.length, 'Ingress')} without an address`);
  return [
    {
      ruleId: 'no-external-address',
      severity: 'warning',
      title: what.join(' and '),
      reason: `${describe(refs)} ${
        refs.length === 1 ? 'has' : 'have'
      } no address yet. On Jetstream2 addresses come from Octavia load balancers and an ingress controller, which Magnum clusters set up (the credential needs the load-balancer role); the Magnum guide covers both.`,
      guideId: 'k8s-magnum',
      conceptIds: [
        'load-balancer',
        ...(services.length > 0 ? ['service'] : []),
        ...(ingresses.length > 0 ? ['ingress'] : []),
      ],
      objects: refs,
    },
  ];
}

function crashLoopRule(input: InsightInput): Draft[] {
  const crashing: { pod: KubeObject; container: string; restarts: number }[] =
    [];
  for (const pod of input.objects.pods ?? []) {
    const statuses = [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ];
    const bad = statuses.find(
      (s: any) => s.state?.waiting?.reason === 'CrashLoopBackOff',
    );
    if (bad)
      crashing.push({
        pod,
        container: bad.name,
        restarts: bad.restartCount ?? 0,
      });
  }
  if (crashing.length === 0) return [];
  const refs = crashing.map(c => ref('Pod', c.pod));
  const first = crashing[0];
  return [
    {
      ruleId: 'crash-loop',
      severity: 'error',
      title: `${plural(crashing.length, 'Pod')} in CrashLoopBackOff`,
      reason: `${describe(refs)} keep${
        crashing.length === 1 ? 's' : ''
      } crashing (container "${first.container}" restarted ${
        first.restarts
      } times). Read the container logs and events; the guide on managing apps explains Pods, Deployments and how Kubernetes restarts them.`,
      guideId: 'k8s-manage-apps',
      conceptIds: ['pod', 'deployment'],
      objects: refs,
    },
  ];
}

const workloadLists = [
  'deployments',
  'statefulSets',
  'daemonSets',
  'pods',
  'services',
] as const;

function labelledRule(
  input: InsightInput,
  match: (labels: Record<string, string>) => boolean,
  draft: Omit<Draft, 'objects' | 'reason'> & {
    reason: (refs: ObjectRef[]) => string;
  },
): Draft[] {
  const refs: ObjectRef[] = [];
  for (const list of workloadLists) {
    // Pods are counted only when nothing owns them; their controllers are listed instead.
    for (const obj of input.objects[list] ?? []) {
      if (list === 'pods' && (obj.metadata?.ownerReferences ?? []).length > 0)
        continue;
      if (match(obj.metadata?.labels ?? {})) {
        refs.push(ref(kindOfList[list], obj));
      }
    }
  }
  if (refs.length === 0) return [];
  return [{ ...draft, reason: draft.reason(refs), objects: refs }];
}

const kindOfList: Record<(typeof workloadLists)[number], string> = {
  deployments: 'Deployment',
  statefulSets: 'StatefulSet',
  daemonSets: 'DaemonSet',
  pods: 'Pod',
  services: 'Service',
};

function isJupyterHub(l: Record<string, string>): boolean {
  return (
    l['app.kubernetes.io/name'] === 'jupyterhub' ||
    l.app === 'jupyterhub' ||
    ((l.component === 'hub' || l.component === 'proxy') &&
      (l.app === undefined || l.app === 'jupyterhub'))
  );
}

function isBinderHub(l: Record<string, string>): boolean {
  return (
    l['app.kubernetes.io/name'] === 'binderhub' ||
    l.app === 'binderhub' ||
    l.app === 'binder' ||
    l.component === 'binder'
  );
}

function hubRules(input: InsightInput): Draft[] {
  return [
    ...labelledRule(input, isJupyterHub, {
      ruleId: 'jupyterhub-workload',
      severity: 'info',
      title: 'JupyterHub runs here',
      reason: refs =>
        `${describe(refs)} ${
          refs.length === 1 ? 'carries' : 'carry'
        } JupyterHub labels (the Zero to JupyterHub chart). The guide walks through deploying and configuring JupyterHub on Jetstream2.`,
      guideId: 'zonca-jupyterhub',
      conceptIds: ['helm-release', 'deployment', 'persistent-volume-claim'],
    }),
    ...labelledRule(input, isBinderHub, {
      ruleId: 'binderhub-workload',
      severity: 'info',
      title: 'BinderHub runs here',
      reason: refs =>
        `${describe(refs)} ${
          refs.length === 1 ? 'carries' : 'carry'
        } BinderHub labels. The guide covers the registry, cert-manager, DNS and the Helm install of BinderHub on Jetstream2.`,
      guideId: 'k8s-binderhub',
      conceptIds: ['helm-release', 'ingress', 'secret'],
    }),
  ];
}

function hpaRule(input: InsightInput): Draft[] {
  const hpas = input.objects.horizontalPodAutoscalers ?? [];
  if (hpas.length === 0) return [];
  const refs = hpas.map(h => ref('HorizontalPodAutoscaler', h));
  const h = hpas[0];
  const target = h.spec?.scaleTargetRef;
  return [
    {
      ruleId: 'hpa-present',
      severity: 'info',
      title: `${plural(hpas.length, 'HorizontalPodAutoscaler')} scale${
        hpas.length === 1 ? 's' : ''
      } workloads`,
      reason: `${describe(refs)} ${
        target
          ? `scales ${target.kind} ${target.name} between ${
              h.spec?.minReplicas ?? 1
            } and ${h.spec?.maxReplicas} replicas`
          : 'adjusts replica counts'
      } from observed load. The guide on managing apps explains horizontal pod autoscaling.`,
      guideId: 'k8s-manage-apps',
      conceptIds: ['horizontal-pod-autoscaler', 'deployment'],
      objects: refs,
    },
  ];
}

function noDefaultStorageClassRule(input: InsightInput): Draft[] {
  // Only judged for a whole cluster, and only when storage classes were collected.
  if (input.scope === 'entity' || input.objects.storageClasses === undefined)
    return [];
  const classes = input.objects.storageClasses;
  if (classes.some(isDefaultStorageClass)) return [];
  return [
    {
      ruleId: 'no-default-storage-class',
      severity: 'warning',
      title: 'No default StorageClass',
      reason:
        classes.length === 0
          ? 'The cluster has no StorageClass, so claims that do not name a class stay Pending. The volumes guide explains StorageClasses; Magnum clusters come with the Cinder CSI driver.'
          : `None of the ${plural(classes.length, 'StorageClass')} (${classes
              .map(c => c.metadata?.name)
              .join(
                ', ',
              )}) is marked default, so claims without storageClassName stay Pending. The volumes guide explains StorageClasses and claims.`,
      guideId: 'k8s-volumes',
      conceptIds: ['storage-class', 'persistent-volume-claim'],
      objects: [],
    },
  ];
}

/**
 * Turns live objects into insights: each fired rule gives one insight naming the guide that helps and why.
 * Sorted errors first, then warnings, then information.
 */
export function evaluateInsights(input: InsightInput): Insight[] {
  const wide = input.clusterWide ?? input.objects;
  const drafts: Draft[] = [
    ...credentialsRule(input),
    ...nodeRule(input, wide),
    ...crashLoopRule(input),
    ...schedulingRules(input, wide),
    ...pvcRule(input, wide),
    ...noDefaultStorageClassRule(input),
    ...addressRule(input),
    ...hpaRule(input),
    ...hubRules(input),
  ];
  return drafts
    .map(d => {
      const insight: Insight = {
        ...d,
        objects: d.objects.slice(0, MAX_OBJECTS_PER_INSIGHT),
      };
      if (input.cluster) insight.cluster = input.cluster;
      return insight;
    })
    .sort((a, b) => compareSeverity(a.severity, b.severity));
}
