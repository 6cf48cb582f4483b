import type { GuideId } from '../../catalogue';
import type {
  ClusterWorkloads,
  ObjectEvent,
  ObjectRef,
  WorkloadRow,
} from '../../types';
import {
  groupEvents,
  objectKey,
  sameObject,
  type EventGroup,
} from '../groupEvents';
import type { KubeObject, KubeObjectsByKind } from '../kube';
import { ref } from '../rules/helpers';
import { objectsByKind, workloadOf } from './clusterObjects';
import {
  describePodProblem,
  diagnosePod,
  problemSeverity,
  type PodProblem,
} from './diagnosePod';
import { describeObjectProblem } from './objectProblems';
import type { AttentionItem } from './types';

/** What the items are computed from: the entity's view as the backend sends it. */
export interface AttentionInput {
  clusters?: ClusterWorkloads[];
  workloads?: WorkloadRow[];
  events?: ObjectEvent[];
}

// worst first: the one problem a workload's item names
const PROBLEM_ORDER: PodProblem['type'][] = [
  'crash-loop',
  'out-of-memory',
  'image',
  'cannot-start',
  'failed',
  'unschedulable',
  'not-ready',
];

const WITH_LOGS = new Set<PodProblem['type']>([
  'crash-loop',
  'out-of-memory',
  'failed',
  'not-ready',
]);

function guideFor(problem: PodProblem): GuideId {
  if (problem.type !== 'unschedulable') return 'k8s-debug-pods';
  if (problem.lacks === 'a GPU') return 'k8s-gpu';
  if (problem.lacks) return 'k8s-magnum';
  return problem.claims.length > 0 ? 'k8s-volumes' : 'k8s-debug-pods';
}

/** The latest warning about any of the objects, preferring the given reason. */
function latestWarning(
  warnings: EventGroup[],
  objects: ObjectRef[],
  reason?: string,
): EventGroup | undefined {
  const about = warnings.filter(w =>
    objects.some(o => sameObject(o, w.object)),
  );
  return about.find(w => w.reason === reason) ?? about[0];
}

interface ClusterContext {
  cluster: string;
  objects: KubeObjectsByKind;
  warnings: EventGroup[];
  podsByWorkload: Map<string, KubeObject[]>;
}

function contextOf(c: ClusterWorkloads, events: ObjectEvent[]): ClusterContext {
  const objects = objectsByKind(c.resources ?? []);
  const podsByWorkload = new Map<string, KubeObject[]>();
  for (const pod of objects.pods ?? []) {
    const key = objectKey(workloadOf(pod, objects));
    podsByWorkload.set(key, [...(podsByWorkload.get(key) ?? []), pod]);
  }
  const warnings = groupEvents(
    events.filter(e => e.cluster === c.cluster && e.type === 'Warning'),
  );
  return { cluster: c.cluster, objects, warnings, podsByWorkload };
}

/** The item of a workload whose pods have a problem, or undefined when none has. */
function podItem(
  ctx: ClusterContext,
  row: WorkloadRow,
  target: ObjectRef,
  pods: KubeObject[],
): { item: AttentionItem; problem: PodProblem } | undefined {
  const diagnosed = pods.flatMap(pod => {
    const podRef = ref('Pod', pod);
    const scheduling = latestWarning(
      ctx.warnings,
      [podRef],
      'FailedScheduling',
    );
    const problem = diagnosePod(
      pod,
      scheduling?.reason === 'FailedScheduling'
        ? scheduling.message
        : undefined,
    );
    return problem ? [{ pod, podRef, problem }] : [];
  });
  if (diagnosed.length === 0) return undefined;
  diagnosed.sort(
    (a, b) =>
      PROBLEM_ORDER.indexOf(a.problem.type) -
      PROBLEM_ORDER.indexOf(b.problem.type),
  );
  const { podRef, problem } = diagnosed[0];
  const same = diagnosed.filter(d => d.problem.type === problem.type).length;
  const several = target.kind !== 'Pod' && same > 1 ? ` (${same} pods)` : '';
  const related = [target, ...diagnosed.map(d => d.podRef)];
  const item: AttentionItem = {
    id: `${ctx.cluster}/${objectKey(target)}`,
    severity: row.verdict === 'error' ? 'error' : problemSeverity(problem),
    cluster: ctx.cluster,
    object: target,
    problem: `${describePodProblem(problem)}${several}`,
    event: latestWarning(
      ctx.warnings,
      related,
      problem.type === 'unschedulable' ? 'FailedScheduling' : undefined,
    ),
    blocks: [],
    related,
    guideId: guideFor(problem),
  };
  if (
    WITH_LOGS.has(problem.type) &&
    'container' in problem &&
    problem.container
  )
    item.logs = {
      pod: podRef.name,
      namespace: podRef.namespace ?? 'default',
      container: problem.container,
      restarts: 'restarts' in problem ? problem.restarts : 0,
    };
  if (problem.type === 'cannot-start' && problem.message)
    item.detail = problem.message;
  if (problem.type === 'unschedulable' && !item.event && problem.message)
    item.detail = problem.message;
  return { item, problem };
}

/** The item of an object that is failing or waiting by itself (a claim, an address, a workload). */
function objectItem(
  ctx: ClusterContext,
  row: WorkloadRow,
  target: ObjectRef,
  pods: KubeObject[],
): AttentionItem {
  const list = ctx.objects;
  const obj = Object.values(list)
    .flat()
    .find(
      o =>
        o?.kind === target.kind &&
        o.metadata?.name === target.name &&
        o.metadata?.namespace === target.namespace,
    );
  const related = [target, ...pods.map(p => ref('Pod', p))];
  const event = latestWarning(ctx.warnings, related);
  const described = describeObjectProblem(row, obj, event);
  return {
    id: `${ctx.cluster}/${objectKey(target)}`,
    severity: row.verdict === 'error' ? 'error' : 'warning',
    cluster: ctx.cluster,
    object: target,
    problem: described.problem,
    event,
    detail: event ? undefined : described.detail,
    blocks: [],
    related,
    guideId: described.guideId,
  };
}

/**
 * The items of an entity's tab, worst first: one per failing or waiting workload (with its pods'
 * problem) or other object, across clusters. A workload whose pods only wait for a pending storage claim
 * is listed under the claim's item, which then counts as failing too.
 */
export function attentionItems(input: AttentionInput): AttentionItem[] {
  const events = input.events ?? [];
  const contexts = new Map(
    (input.clusters ?? []).map(c => [c.cluster, contextOf(c, events)]),
  );
  const items: AttentionItem[] = [];
  const waitingOnClaims: {
    ctx: ClusterContext;
    row: WorkloadRow;
    target: ObjectRef;
    claims: string[];
  }[] = [];
  for (const row of input.workloads ?? []) {
    if (row.verdict !== 'error' && row.verdict !== 'warning') continue;
    for (const cluster of row.clusters ?? []) {
      const ctx = contexts.get(cluster);
      if (!ctx) continue;
      const target: ObjectRef = {
        kind: row.kind,
        namespace: row.namespace || undefined,
        name: row.name,
      };
      const pods =
        row.kind === 'Pod'
          ? (ctx.objects.pods ?? []).filter(p =>
              sameObject(target, ref('Pod', p)),
            )
          : ctx.podsByWorkload.get(objectKey(target)) ?? [];
      const fromPods = podItem(ctx, row, target, pods);
      if (
        fromPods?.problem.type === 'unschedulable' &&
        fromPods.problem.claims.length > 0
      ) {
        waitingOnClaims.push({
          ctx,
          row,
          target,
          claims: fromPods.problem.claims,
        });
        continue;
      }
      items.push(fromPods?.item ?? objectItem(ctx, row, target, pods));
    }
  }
  for (const waiting of waitingOnClaims) {
    const claim = items.find(
      i =>
        i.cluster === waiting.ctx.cluster &&
        i.object.kind === 'PersistentVolumeClaim' &&
        i.object.namespace === waiting.target.namespace &&
        waiting.claims.includes(i.object.name),
    );
    if (!claim) {
      const pods =
        waiting.ctx.podsByWorkload.get(objectKey(waiting.target)) ?? [];
      items.push(podItem(waiting.ctx, waiting.row, waiting.target, pods)!.item);
      continue;
    }
    const pods =
      waiting.ctx.podsByWorkload.get(objectKey(waiting.target)) ?? [];
    claim.blocks.push(waiting.target);
    claim.related.push(waiting.target, ...pods.map(p => ref('Pod', p)));
    if (waiting.row.verdict === 'error') claim.severity = 'error';
  }
  const rank = { error: 0, warning: 1 };
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        rank[a.item.severity] - rank[b.item.severity] || a.index - b.index,
    )
    .map(({ item }) => item);
}
