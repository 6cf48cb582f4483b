import type { LoggerService } from '@backstage/backend-plugin-api';
import type { WorkloadWriter } from '@internal/plugin-jetstream2-kubernetes-node';

/**
 * Follows the rollout of the applied Deployments in the task log (ready pods out of desired, on each
 * change) until all are ready or the time is up; a slow rollout is reported, never a failure of the step:
 * the objects are applied, and the entity's Kubernetes tab shows the pods live from then on.
 */
export async function waitForRollouts(
  logger: LoggerService,
  writer: WorkloadWriter,
  options: {
    cluster: string;
    namespace: string;
    deployments: string[];
    timeoutMs: number;
    intervalMs?: number;
  },
): Promise<boolean> {
  const { cluster, namespace } = options;
  const deadline = Date.now() + options.timeoutMs;
  const last = new Map<string, string>();
  let pending = [...options.deployments];
  while (pending.length > 0) {
    const still: string[] = [];
    for (const name of pending) {
      try {
        const s = await writer.rolloutStatus({
          cluster,
          namespace,
          kind: 'Deployment',
          name,
        });
        const line = `Deployment ${namespace}/${name}: ${s.ready} of ${s.desired} pod(s) ready`;
        if (last.get(name) !== line) logger.info(line);
        last.set(name, line);
        if (!s.done) still.push(name);
      } catch (error) {
        logger.warn(
          `Cannot follow the rollout of Deployment ${namespace}/${name}: ${
            (error as Error).message
          }`,
        );
      }
    }
    pending = still;
    if (pending.length === 0) return true;
    if (Date.now() > deadline) {
      logger.warn(
        `Not all pods are ready after ${Math.round(
          options.timeoutMs / 1000,
        )} s (${pending.join(
          ', ',
        )}): the objects are applied; the entity's Kubernetes tab shows how the pods are doing.`,
      );
      return false;
    }
    await new Promise(r => setTimeout(r, options.intervalMs ?? 1000));
  }
  return true;
}
