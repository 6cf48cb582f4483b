import { useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { jetstream2KubernetesApiRef, type EntityName } from '../api';
import {
  lastLogLine,
  type LogLine,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** How many lines of a crashed container's log are read to find its last error. */
export const EVIDENCE_TAIL_LINES = 100;

/**
 * The line of a container's log that says why it stopped, read through our backend's logs route beside
 * the entity's view. Read again when the container restarts (a new run may end differently). When the
 * current run has logged nothing yet, the run before the last restart is read.
 */
export function useLastLogLine(request: {
  entity: EntityName;
  cluster: string;
  namespace: string;
  pod: string;
  container: string;
  restarts: number;
}) {
  const api = useApi(jetstream2KubernetesApiRef);
  const { entity, cluster, namespace, pod, container, restarts } = request;
  const { namespace: entityNamespace, kind, name } = entity;
  return useAsync(async (): Promise<LogLine | undefined> => {
    const read = (previous: boolean) =>
      api.getPodLogs({
        entity: { namespace: entityNamespace, kind, name },
        cluster,
        podNamespace: namespace,
        pod,
        container,
        previous,
        tailLines: EVIDENCE_TAIL_LINES,
      });
    const current = lastLogLine(await read(false));
    if (current || restarts === 0) return current;
    return lastLogLine(await read(true));
  }, [
    api,
    entityNamespace,
    kind,
    name,
    cluster,
    namespace,
    pod,
    container,
    restarts,
  ]);
}
