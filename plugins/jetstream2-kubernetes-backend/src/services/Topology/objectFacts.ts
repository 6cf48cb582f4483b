import {
  describeGpuFraction,
  getFlavor,
  GPU_RESOURCE,
  nodeFlavorOf,
  nodeSuPerHour,
  type KubeObject,
  type TopologyFact,
} from '@internal/plugin-jetstream2-kubernetes-common';

// The key facts of an object for the topology's side panel, in words, one small function per kind. Values
// stay as Kubernetes writes them ("500m", "512Mi"): that is what the person wrote in their manifest.

type Facts = TopologyFact[];

function add(facts: Facts, label: string, value: unknown) {
  if (value === undefined || value === null || value === '') return;
  facts.push({ label, value: String(value) });
}

/** "a=b, c=d" from a matchLabels map. */
export function labelsText(labels: Record<string, string> | undefined) {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

function imagesOf(podSpec: any): string {
  return (podSpec?.containers ?? [])
    .map((c: any) => `${c.name} (${c.image ?? 'no image'})`)
    .join(', ');
}

function requestsText(podSpec: any): string {
  const parts: string[] = [];
  for (const c of podSpec?.containers ?? []) {
    const r = c.resources?.requests ?? {};
    const each = [
      r.cpu && `cpu ${r.cpu}`,
      r.memory && `memory ${r.memory}`,
      r[GPU_RESOURCE] && `${r[GPU_RESOURCE]} GPU`,
    ].filter(Boolean);
    if (each.length > 0) parts.push(`${c.name}: ${each.join(', ')}`);
  }
  return parts.join('; ');
}

function podFacts(pod: KubeObject): Facts {
  const facts: Facts = [];
  const s = pod.status ?? {};
  add(facts, 'Node', pod.spec?.nodeName ?? 'not scheduled to a node yet');
  add(facts, 'Pod IP', s.podIP);
  add(facts, 'Containers', imagesOf(pod.spec));
  add(facts, 'Requests', requestsText(pod.spec));
  const restarts = (s.containerStatuses ?? []).reduce(
    (n: number, c: any) => n + (c.restartCount ?? 0),
    0,
  );
  add(facts, 'Restarts', restarts);
  add(facts, 'Started', s.startTime);
  return facts;
}

function replicasFacts(obj: KubeObject, kind: string): Facts {
  const facts: Facts = [];
  const s = obj.status ?? {};
  if (kind === 'DaemonSet') {
    add(
      facts,
      'Pods',
      `${s.numberReady ?? 0} ready of ${
        s.desiredNumberScheduled ?? 0
      } nodes that should run one`,
    );
  } else {
    add(
      facts,
      'Replicas',
      `${obj.spec?.replicas ?? 1} wanted, ${s.readyReplicas ?? 0} ready`,
    );
  }
  add(
    facts,
    'Update strategy',
    obj.spec?.strategy?.type ?? obj.spec?.updateStrategy?.type,
  );
  add(facts, 'Selects pods with', labelsText(obj.spec?.selector?.matchLabels));
  add(facts, 'Containers', imagesOf(obj.spec?.template?.spec));
  add(facts, 'Requests per pod', requestsText(obj.spec?.template?.spec));
  return facts;
}

function cronJobFacts(cronJob: KubeObject): Facts {
  const facts: Facts = [];
  add(facts, 'Schedule', cronJob.spec?.schedule);
  add(facts, 'Time zone', cronJob.spec?.timeZone);
  add(facts, 'Suspended', cronJob.spec?.suspend ? 'yes' : 'no');
  add(facts, 'Last run', cronJob.status?.lastScheduleTime);
  add(facts, 'Last success', cronJob.status?.lastSuccessfulTime);
  return facts;
}

function jobFacts(job: KubeObject): Facts {
  const facts: Facts = [];
  const s = job.status ?? {};
  add(
    facts,
    'Completions',
    `${s.succeeded ?? 0} of ${job.spec?.completions ?? 1}`,
  );
  if (s.failed) add(facts, 'Failed pods', s.failed);
  add(facts, 'Started', s.startTime);
  add(facts, 'Finished', s.completionTime);
  return facts;
}

function serviceFacts(svc: KubeObject): Facts {
  const facts: Facts = [];
  add(facts, 'Type', svc.spec?.type ?? 'ClusterIP');
  add(facts, 'Cluster IP', svc.spec?.clusterIP);
  add(
    facts,
    'Ports',
    (svc.spec?.ports ?? [])
      .map(
        (p: any) =>
          `${p.port} → ${p.targetPort ?? p.port}${
            p.nodePort ? ` (node port ${p.nodePort})` : ''
          }`,
      )
      .join(', '),
  );
  add(facts, 'Selects pods with', labelsText(svc.spec?.selector));
  add(facts, 'External name', svc.spec?.externalName);
  return facts;
}

function ingressFacts(ingress: KubeObject): Facts {
  const facts: Facts = [];
  add(facts, 'Ingress class', ingress.spec?.ingressClassName);
  add(
    facts,
    'Hosts',
    (ingress.spec?.rules ?? [])
      .map((r: any) => r.host)
      .filter(Boolean)
      .join(', '),
  );
  add(facts, 'TLS', (ingress.spec?.tls ?? []).length > 0 ? 'yes' : 'no');
  return facts;
}

function hpaFacts(hpa: KubeObject): Facts {
  const facts: Facts = [];
  const target = hpa.spec?.scaleTargetRef;
  add(facts, 'Scales', target && `${target.kind} ${target.name}`);
  add(
    facts,
    'Replicas',
    `${hpa.status?.currentReplicas ?? 0} now, between ${
      hpa.spec?.minReplicas ?? 1
    } and ${hpa.spec?.maxReplicas ?? '?'}`,
  );
  for (const m of hpa.spec?.metrics ?? []) {
    const r = m.resource;
    if (r?.target?.averageUtilization !== undefined) {
      add(facts, 'Target', `${r.name} ${r.target.averageUtilization}%`);
    }
  }
  return facts;
}

function claimFacts(pvc: KubeObject): Facts {
  const facts: Facts = [];
  add(facts, 'StorageClass', pvc.spec?.storageClassName ?? '(the default)');
  add(facts, 'Size asked for', pvc.spec?.resources?.requests?.storage);
  add(facts, 'Capacity', pvc.status?.capacity?.storage);
  add(facts, 'Access modes', (pvc.spec?.accessModes ?? []).join(', '));
  add(facts, 'Volume', pvc.spec?.volumeName);
  return facts;
}

function nodeFacts(node: KubeObject): Facts {
  const facts: Facts = [];
  const flavorName = nodeFlavorOf(node);
  const flavor = flavorName ? getFlavor(flavorName) : undefined;
  add(
    facts,
    'Flavor',
    flavor
      ? `${flavor.name}: ${flavor.vcpus} vCPU, ${flavor.ramGb} GB RAM`
      : flavorName ?? 'unknown (no instance-type label)',
  );
  if (flavor && flavor.gpuFraction > 0) {
    add(
      facts,
      'GPU',
      `${describeGpuFraction(flavor.gpuFraction)} (${flavor.gpuMemoryGb} GB)`,
    );
  }
  add(facts, 'Cost', nodeSuPerHour(node) && `${nodeSuPerHour(node)} SU/hour`);
  const a = node.status?.allocatable ?? {};
  add(
    facts,
    'Allocatable',
    [
      a.cpu && `cpu ${a.cpu}`,
      a.memory && `memory ${a.memory}`,
      a[GPU_RESOURCE] && `${a[GPU_RESOURCE]} GPU`,
    ]
      .filter(Boolean)
      .join(', '),
  );
  add(facts, 'Cordoned', node.spec?.unschedulable ? 'yes' : undefined);
  add(facts, 'Kubelet', node.status?.nodeInfo?.kubeletVersion);
  return facts;
}

function storageClassFacts(sc: KubeObject): Facts {
  const facts: Facts = [];
  add(facts, 'Provisioner', (sc as any).provisioner);
  add(facts, 'Reclaim policy', (sc as any).reclaimPolicy ?? 'Delete');
  add(facts, 'Binding', (sc as any).volumeBindingMode ?? 'Immediate');
  return facts;
}

const factsByKind: Record<string, (obj: KubeObject, kind: string) => Facts> = {
  Pod: podFacts,
  Deployment: replicasFacts,
  StatefulSet: replicasFacts,
  ReplicaSet: replicasFacts,
  DaemonSet: replicasFacts,
  CronJob: cronJobFacts,
  Job: jobFacts,
  Service: serviceFacts,
  Ingress: ingressFacts,
  HorizontalPodAutoscaler: hpaFacts,
  PersistentVolumeClaim: claimFacts,
  Node: nodeFacts,
  StorageClass: storageClassFacts,
};

/** The key facts of an object of this kind (none for a kind without a fact function). */
export function objectFacts(kind: string, obj: KubeObject): Facts {
  const facts = factsByKind[kind]?.(obj, kind) ?? [];
  add(facts, 'Created', obj.metadata?.creationTimestamp);
  return facts;
}
