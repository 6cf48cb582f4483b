import {
  PatchStrategy,
  type KubernetesObject,
  type KubernetesObjectApi,
} from '@kubernetes/client-node';
import type { ClusterWriter } from '../writers/types';
import {
  checkNamespace,
  describeObject,
  placeObjects,
  writerFor,
} from './checkRequest';
import { deployerObjectApi } from './deployerClient';
import { toWriteError, type CallContext } from './toWriteError';
import { WriteError } from './WriteError';
import type {
  AppliedObject,
  ApplyRequest,
  KubernetesManifest,
  RolloutStatus,
  WorkloadWriter,
} from './types';

/**
 * The field manager of every write: `kubectl get -o yaml --show-managed-fields` shows it.
 *
 * @public
 */
export const FIELD_MANAGER = 'backstage';

/**
 * Options of {@link createWorkloadWriter}.
 *
 * @public
 */
export interface WorkloadWriterOptions {
  /** From `readClusterWriters(config)`. */
  writers: ClusterWriter[];
  /** How long one call to an API server may take before it counts as unreachable; default 20 s. */
  callTimeoutMs?: number;
}

async function withTimeout<T>(
  call: Promise<T>,
  ms: number,
  what: string,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          Object.assign(
            new Error(`no answer within ${Math.round(ms / 1000)} s (${what})`),
            { code: 'ETIMEDOUT' },
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([call, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The writer's calls to one cluster, each mapped to a WriteError naming the object. */
function clusterCalls(
  writer: ClusterWriter,
  api: KubernetesObjectApi,
  ms: number,
) {
  const where = (o?: KubernetesManifest): CallContext => ({
    cluster: writer.cluster,
    url: writer.url,
    object: o ? describeObject(o) : undefined,
  });
  const call = async <T>(
    o: KubernetesManifest,
    what: string,
    fn: () => Promise<T>,
  ) => {
    try {
      return await withTimeout(fn(), ms, what);
    } catch (error) {
      throw toWriteError(error, where(o));
    }
  };
  return {
    /** The object as it is now, or undefined when there is none. */
    async current(
      o: KubernetesManifest,
    ): Promise<KubernetesObject | undefined> {
      try {
        return await withTimeout(
          api.read({
            apiVersion: o.apiVersion,
            kind: o.kind,
            metadata: {
              name: o.metadata.name,
              namespace: o.metadata.namespace,
            },
          }),
          ms,
          'read',
        );
      } catch (error) {
        if (
          (error as { code?: unknown }).code === 404 &&
          !/resource metadata/.test(String((error as Error).message))
        ) {
          return undefined;
        }
        throw toWriteError(error, where(o));
      }
    },
    apply: (o: KubernetesManifest, dryRun: boolean) =>
      call(o, dryRun ? 'dry run' : 'apply', () =>
        api.patch(
          o as KubernetesObject,
          undefined,
          dryRun ? 'All' : undefined,
          FIELD_MANAGER,
          false,
          PatchStrategy.ServerSideApply,
        ),
      ),
  };
}

/** A failure after some objects were written: the message says which, so nothing is left half-done unsaid. */
function partly(error: WriteError, done: AppliedObject[]): WriteError {
  if (done.length === 0) return error;
  const list = done
    .map(o => `${o.kind} ${o.namespace}/${o.name} (${o.result})`)
    .join(', ');
  return new WriteError(
    error.reason,
    error.cluster,
    `${error.message} Already applied before this failure: ${list}; applying again after the fix continues from there.`,
  );
}

/**
 * The write path of `jetstream2Kubernetes.writers`. Checks the cluster and namespace before any call, and
 * sends every object through the API server's dry run before writing any of them.
 *
 * @public
 */
export function createWorkloadWriter(
  options: WorkloadWriterOptions,
): WorkloadWriter {
  const { writers } = options;
  const ms = options.callTimeoutMs ?? 20_000;

  async function connect(cluster: string, namespace: string) {
    const writer = writerFor(writers, cluster);
    checkNamespace(writer, namespace);
    const api = await deployerObjectApi(writer);
    return { writer, calls: clusterCalls(writer, api, ms) };
  }

  return {
    clusters: () =>
      writers.map(w => ({ cluster: w.cluster, namespaces: [...w.namespaces] })),

    async apply(request: ApplyRequest): Promise<AppliedObject[]> {
      const { calls } = await connect(request.cluster, request.namespace);
      const objects = placeObjects(
        request.cluster,
        request.namespace,
        request.objects,
      );
      const before = [];
      for (const o of objects) {
        const current = await calls.current(o);
        await calls.apply(o, true);
        before.push(current);
      }
      const results: AppliedObject[] = [];
      for (const [i, o] of objects.entries()) {
        const old = before[i];
        let result: AppliedObject['result'] = old ? 'configured' : 'created';
        if (!request.dryRun) {
          const applied = await calls.apply(o, false).catch(error => {
            throw partly(error, results);
          });
          if (
            old &&
            applied.metadata?.resourceVersion === old.metadata?.resourceVersion
          ) {
            result = 'unchanged';
          }
        }
        results.push({
          apiVersion: o.apiVersion,
          kind: o.kind,
          namespace: request.namespace,
          name: o.metadata.name,
          result,
        });
      }
      return results;
    },

    async rolloutStatus(request): Promise<RolloutStatus> {
      const { calls } = await connect(request.cluster, request.namespace);
      const header: KubernetesManifest = {
        apiVersion: 'apps/v1',
        kind: request.kind,
        metadata: { name: request.name, namespace: request.namespace },
      };
      const found = (await calls.current(header)) as
        | {
            spec?: { replicas?: number };
            status?: {
              updatedReplicas?: number;
              readyReplicas?: number;
              observedGeneration?: number;
            };
            metadata?: { generation?: number };
          }
        | undefined;
      if (!found) {
        throw toWriteError(
          { code: 404, body: { message: 'not found' } },
          {
            cluster: request.cluster,
            url: writerFor(writers, request.cluster).url,
            object: describeObject(header),
          },
        );
      }
      const desired = found.spec?.replicas ?? 1;
      const updated = found.status?.updatedReplicas ?? 0;
      const ready = found.status?.readyReplicas ?? 0;
      const observed =
        (found.status?.observedGeneration ?? 0) >=
        (found.metadata?.generation ?? 0);
      return {
        kind: request.kind,
        namespace: request.namespace,
        name: request.name,
        desired,
        updated,
        ready,
        done: observed && updated >= desired && ready >= desired,
      };
    },
  };
}
