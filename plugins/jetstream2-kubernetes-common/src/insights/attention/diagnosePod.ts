import type { KubeObject } from '../kube';

/** Why a pod needs a person, read from its status; undefined when it is fine or on its way. */
export type PodProblem =
  | { type: 'crash-loop'; container: string; restarts: number }
  | { type: 'out-of-memory'; container: string; restarts: number }
  | { type: 'image'; container: string; image?: string }
  | { type: 'cannot-start'; container: string; message?: string }
  | { type: 'failed'; container?: string; exitCode?: number }
  | {
      type: 'unschedulable';
      /** What the scheduler found missing, from its message. */
      lacks?: 'a GPU' | 'CPU' | 'memory' | 'CPU and memory';
      /** The pod's claims, when the scheduler waits for them to be bound. */
      claims: string[];
      message?: string;
    }
  | { type: 'not-ready'; container: string };

const IMAGE = new Set(['ErrImagePull', 'ImagePullBackOff', 'InvalidImageName']);
const START = new Set([
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

function statuses(pod: KubeObject): any[] {
  return [
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.containerStatuses ?? []),
  ];
}

function imageOf(pod: KubeObject, container: string): string | undefined {
  return [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
  ].find((c: any) => c.name === container)?.image;
}

/** The scheduler's words about a pending pod: its PodScheduled condition, else the given event. */
function unschedulable(
  pod: KubeObject,
  eventMessage: string | undefined,
): PodProblem | undefined {
  const condition = (pod.status?.conditions ?? []).find(
    (c: any) => c.type === 'PodScheduled' && c.status === 'False',
  );
  const message: string | undefined = eventMessage ?? condition?.message;
  if (!message && !condition) return undefined;
  const text = message ?? '';
  const cpu = /Insufficient cpu/.test(text);
  const memory = /Insufficient memory/.test(text);
  let lacks: Extract<PodProblem, { type: 'unschedulable' }>['lacks'];
  if (/Insufficient nvidia\.com\/gpu/.test(text)) lacks = 'a GPU';
  else if (cpu && memory) lacks = 'CPU and memory';
  else if (cpu) lacks = 'CPU';
  else if (memory) lacks = 'memory';
  const claims = /unbound .*PersistentVolumeClaims/i.test(text)
    ? (pod.spec?.volumes ?? [])
        .map((v: any) => v.persistentVolumeClaim?.claimName)
        .filter(Boolean)
    : [];
  return { type: 'unschedulable', lacks, claims, message };
}

/**
 * What is wrong with a pod, worst first: a crash loop (or memory kills), an image that cannot be pulled,
 * a container that cannot start, a failed run, a pod the scheduler cannot place, a container that runs
 * but never gets ready. `schedulingMessage` is the latest FailedScheduling event's message, if any.
 */
export function diagnosePod(
  pod: KubeObject,
  schedulingMessage?: string,
): PodProblem | undefined {
  const all = statuses(pod);
  for (const s of all) {
    const waiting = s.state?.waiting?.reason;
    if (waiting === 'CrashLoopBackOff') {
      const restarts = s.restartCount ?? 0;
      return s.lastState?.terminated?.reason === 'OOMKilled'
        ? { type: 'out-of-memory', container: s.name, restarts }
        : { type: 'crash-loop', container: s.name, restarts };
    }
  }
  for (const s of all) {
    const waiting = s.state?.waiting;
    if (IMAGE.has(waiting?.reason))
      return { type: 'image', container: s.name, image: imageOf(pod, s.name) };
    if (START.has(waiting?.reason))
      return {
        type: 'cannot-start',
        container: s.name,
        message: waiting.message,
      };
  }
  const phase = pod.status?.phase;
  if (phase === 'Failed') {
    const failed = all.find(s => (s.state?.terminated?.exitCode ?? 0) !== 0);
    return {
      type: 'failed',
      container: failed?.name,
      exitCode: failed?.state?.terminated?.exitCode,
    };
  }
  if (phase === 'Pending' && !pod.spec?.nodeName)
    return unschedulable(pod, schedulingMessage);
  if (phase === 'Running') {
    const stuck = (pod.status?.containerStatuses ?? []).find(
      (s: any) => s.state?.running && !s.ready && (s.restartCount ?? 0) > 0,
    );
    if (stuck) return { type: 'not-ready', container: stuck.name };
  }
  return undefined;
}

const times = (n: number) => (n === 1 ? 'once' : `${n} times`);

/** The problem in words, to read after the name of the pod or its workload. */
export function describePodProblem(problem: PodProblem): string {
  switch (problem.type) {
    case 'crash-loop':
      return `keeps crashing: restarted ${times(problem.restarts)}`;
    case 'out-of-memory':
      return `runs out of memory: killed and restarted ${times(
        problem.restarts,
      )}`;
    case 'image':
      return problem.image
        ? `cannot pull its image ${problem.image}`
        : 'cannot pull its image';
    case 'cannot-start':
      return `cannot start its container "${problem.container}"`;
    case 'failed':
      return problem.exitCode !== undefined
        ? `failed with exit code ${problem.exitCode}`
        : 'failed';
    case 'unschedulable':
      if (problem.lacks) return `is waiting for ${problem.lacks}`;
      if (problem.claims.length > 0)
        return `is waiting for its storage claim ${problem.claims.join(', ')}`;
      return 'cannot be placed on any node';
    case 'not-ready':
      return `runs but is not ready: container "${problem.container}" restarted`;
    default:
      return 'needs a look';
  }
}

/** Errors need a fix; a pod that waits for capacity or gets ready late needs a look. */
export function problemSeverity(problem: PodProblem): 'error' | 'warning' {
  return problem.type === 'not-ready' ? 'warning' : 'error';
}
