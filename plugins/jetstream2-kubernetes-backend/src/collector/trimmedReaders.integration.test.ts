import { detectErrors } from '@backstage/plugin-kubernetes-common';
import {
  entitySelector,
  evaluateInsights,
  objectStatus,
  parseLabelSelector,
  resourcePath,
  resourceRegistry,
  type KubeObject,
  type KubeObjectsByKind,
  type ResourceDefinition,
  type ResourceKey,
} from '@internal/plugin-jetstream2-kubernetes-common';
import {
  useLocalCluster,
  type LocalCluster,
} from '../__testUtils__/localCluster';
import { ObjectIndex } from '../services/ClusterCollector/objectIndex';
import { redactObject } from '../services/ClusterCollector/redact';
import { createSharedValues } from '../services/ClusterCollector/sharedValues';
import { trimObject } from '../services/ClusterCollector/trimObject';
import type { ClusterSnapshot } from '../services/ClusterCollector/types';
import { detailCluster } from '../services/ClusterData/summarise';
import { computeEntityWorkloads } from '../services/EntityWorkloads/computeEntityWorkloads';
import { selectEntityObjects } from '../services/EntityWorkloads/selectEntityObjects';
import { toFetchResponses } from '../services/EntityWorkloads/toFetchResponses';

// Every reader answers the same on the objects the collector keeps (the registry's `kept` tables) as on
// the objects the API server sends: the real local control plane's seed workloads (a crash-looping
// worker, a pending GPU pod, a StatefulSet, a Job and a CronJob, an HPA, an Ingress, a PVC...).

jest.setTimeout(5 * 60_000);

const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o));
/** An empty list reads as no list (readers use `?? []`). */
const listOrNone = <T>(items: T[] | undefined) =>
  items && items.length > 0 ? items : undefined;
const TOKEN_VOLUME = /^kube-api-access-/;

/** The fields the topology view reads, per object (the token volume excepted: the collector drops it). */
function topologyReads(o: any) {
  const spec = o.spec ?? {};
  const podSpec = o.kind === 'Pod' ? spec : spec.template?.spec;
  const containers = [
    ...(podSpec?.containers ?? []),
    ...(podSpec?.initContainers ?? []),
  ];
  return {
    owners: o.metadata?.ownerReferences,
    labels: o.metadata?.labels,
    selector: spec.selector,
    templateLabels: spec.template?.metadata?.labels,
    nodeName: spec.nodeName,
    volumes: listOrNone(
      podSpec?.volumes?.filter((v: any) => !TOKEN_VOLUME.test(v.name)),
    ),
    configRefs: containers.map(c => ({
      envFrom: c.envFrom,
      valueFrom: (c.env ?? []).map((e: any) => e.valueFrom),
      mounts: listOrNone(
        c.volumeMounts?.filter((m: any) => !TOKEN_VOLUME.test(m.name)),
      ),
    })),
    ingress: o.kind === 'Ingress' ? [spec.rules, spec.defaultBackend] : [],
    claims: [spec.volumeName, spec.storageClassName],
    scaleTarget: spec.scaleTargetRef,
  };
}

/** What upstream's pod table, pod drawer and error detection read of a pod. */
function upstreamPodReads(p: any) {
  return {
    meta: [
      p.metadata?.name,
      p.metadata?.namespace,
      p.metadata?.creationTimestamp,
    ],
    status: [
      p.status?.phase,
      p.status?.podIP,
      p.status?.startTime,
      (p.status?.conditions ?? []).map((c: any) => [
        c.type,
        c.status,
        c.reason,
        c.message,
        c.lastTransitionTime,
      ]),
    ],
    containers: (p.spec?.containers ?? []).map((c: any) => [
      c.name,
      c.image,
      c.resources,
      c.readinessProbe,
      c.livenessProbe,
    ]),
    statuses: (p.status?.containerStatuses ?? []).map((s: any) => [
      s.name,
      s.image,
      s.ready,
      s.started,
      s.restartCount,
      s.state,
      s.lastState,
    ]),
  };
}

describe('readers on trimmed objects, on the real local control plane', () => {
  let cluster: LocalCluster;
  const raw: Partial<Record<ResourceKey, KubeObject[]>> = {};
  const kept: Partial<Record<ResourceKey, KubeObject[]>> = {};

  beforeAll(async () => {
    cluster = await useLocalCluster();
    const shared = createSharedValues();
    for (const def of resourceRegistry as readonly ResourceDefinition[]) {
      const query = def.fieldSelector
        ? `?fieldSelector=${encodeURIComponent(def.fieldSelector)}`
        : '';
      const list = JSON.parse(
        await cluster.kubectl('get', '--raw', `${resourcePath(def)}${query}`),
      );
      const items: KubeObject[] = (list.items ?? []).map((i: any) => ({
        ...i,
        kind: i.kind ?? def.kind,
      }));
      const key = def.key as ResourceKey;
      raw[key] = items.map(i => redactObject(clone(i)));
      kept[key] = items.map(i =>
        trimObject(def, redactObject(clone(i)), shared),
      );
    }
  });

  afterAll(() => cluster?.dispose());

  const snapshot = (objects: KubeObjectsByKind): ClusterSnapshot => ({
    name: 'js2-demo',
    status: 'ok',
    version: 'v1.34.4',
    controlPlane: { ready: true, live: true, checks: [] },
    collectedAt: '2026-12-01T10:00:00.000Z',
    objects,
  });
  const indexOf = (objects: Partial<Record<ResourceKey, KubeObject[]>>) => {
    const index = new ObjectIndex();
    for (const [key, items] of Object.entries(objects))
      for (const o of items!) index.upsert(key as ResourceKey, o);
    return index;
  };

  it('trims something (the comparisons below are not between equal objects)', () => {
    expect(JSON.stringify(kept).length).toBeLessThan(
      JSON.stringify(raw).length * 0.8,
    );
    expect(raw.pods!.length).toBeGreaterThan(5);
  });

  it('gives every object the same status', () => {
    for (const key of Object.keys(raw) as ResourceKey[]) {
      raw[key]!.forEach((o, i) =>
        expect([key, objectStatus(o.kind!, kept[key]![i])]).toEqual([
          key,
          objectStatus(o.kind!, o),
        ]),
      );
    }
  });

  it('gives the same cluster detail: nodes, capacity, cost, leases, counts and cluster insights', () => {
    const now = new Date('2026-12-01T10:00:10Z');
    expect(detailCluster(snapshot(kept), now)).toEqual(
      detailCluster(snapshot(raw), now),
    );
    expect(
      evaluateInsights({ cluster: 'c', objects: kept, scope: 'cluster' }),
    ).toEqual(
      evaluateInsights({ cluster: 'c', objects: raw, scope: 'cluster' }),
    );
  });

  it("gives every seed entity the same view, and upstream's error detection the same errors", () => {
    const ids = new Set(
      raw.pods!.map(p => p.metadata?.labels?.['backstage.io/kubernetes-id']),
    );
    ids.delete(undefined);
    expect(ids.size).toBeGreaterThanOrEqual(3);
    const rawIndex = indexOf(raw);
    const keptIndex = indexOf(kept);
    for (const id of ids) {
      const entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: id!,
          annotations: { 'backstage.io/kubernetes-id': id! },
        },
      };
      const selector = entitySelector(entity as any);
      const requirements = parseLabelSelector(selector.labelSelector);
      const view = (index: ObjectIndex) => {
        const objects = selectEntityObjects(index, requirements);
        const response = computeEntityWorkloads({
          entityRef: `component:default/${id}`,
          selector,
          selections: [{ cluster: 'js2-demo', status: 'ok', objects }],
          indexOf: () => index,
          maxEvents: 200,
        });
        const resources = toFetchResponses(objects);
        return {
          ...response,
          clusters: response.clusters.map(c => ({ ...c, resources: [] })),
          errors: detectErrors({
            items: [
              {
                cluster: { name: 'js2-demo' },
                resources,
                podMetrics: [],
                errors: [],
              },
            ],
          } as any),
          pods: (objects.pods ?? []).map(upstreamPodReads),
        };
      };
      expect([id, view(keptIndex)]).toEqual([id, view(rawIndex)]);
    }
  });

  it('keeps every field the topology reads: owners, selectors, node, volumes, config references, ingress backends', () => {
    for (const key of Object.keys(raw) as ResourceKey[]) {
      raw[key]!.forEach((o, i) =>
        expect([key, o.metadata?.name, topologyReads(kept[key]![i])]).toEqual([
          key,
          o.metadata?.name,
          topologyReads(o),
        ]),
      );
    }
  });
});
