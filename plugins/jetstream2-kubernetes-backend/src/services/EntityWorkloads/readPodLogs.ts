import { InputError, NotFoundError } from '@backstage/errors';
import type { ClusterCollector } from '../ClusterCollector/types';
import type { EntitySelection } from './entitySelection';
import type { PodLogQuery } from './types';

/** The API server's error body as a sentence: its `message` when it is a Kubernetes Status, else its text. */
function statusMessage(body: string): string {
  try {
    return JSON.parse(body).message ?? body.slice(0, 300);
  } catch {
    return body.slice(0, 300);
  }
}

/**
 * Reads a pod's log through the API server, only for a pod the entity's selection holds in that cluster
 * (NotFoundError otherwise) and a container the pod has (InputError otherwise, naming its containers).
 */
export async function readPodLogs(options: {
  collector: Pick<ClusterCollector, 'watcher'>;
  entityRef: string;
  selection: EntitySelection;
  query: PodLogQuery;
}): Promise<string> {
  const { collector, entityRef, selection, query } = options;
  const watcher = collector.watcher(query.cluster);
  const notFound = new NotFoundError(
    `Pod ${query.namespace}/${query.pod} is not one of ${entityRef}'s pods in cluster ${query.cluster}`,
  );
  if (!watcher) throw notFound;
  const pod = watcher.index
    .select('pods', selection.requirements, selection.selector.namespace)
    .find(
      p =>
        p.metadata?.namespace === query.namespace &&
        p.metadata?.name === query.pod,
    );
  if (!pod) throw notFound;
  const containers = [
    ...(pod.spec?.initContainers ?? []),
    ...(pod.spec?.containers ?? []),
  ].map((c: any) => c.name as string);
  if (query.container && !containers.includes(query.container)) {
    throw new InputError(
      `Pod ${query.namespace}/${query.pod} has no container "${
        query.container
      }"; its containers are ${containers.join(', ')}`,
    );
  }
  let res: { status: number; body: string };
  try {
    res = await watcher.podLogs({
      ...query,
      container: query.container ?? pod.spec?.containers?.[0]?.name,
    });
  } catch (err) {
    throw new NotFoundError(
      `Cluster ${query.cluster} could not be reached for the log: ${
        (err as Error).message
      }`,
    );
  }
  if (res.status >= 200 && res.status < 300) return res.body;
  const message = statusMessage(res.body);
  if (res.status === 400) throw new InputError(message);
  if (res.status === 404) throw new NotFoundError(message);
  throw new NotFoundError(
    `The cluster answered HTTP ${res.status} for the log: ${message}`,
  );
}
