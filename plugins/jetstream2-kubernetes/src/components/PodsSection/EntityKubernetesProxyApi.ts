import type { KubernetesProxyApi } from '@backstage/plugin-kubernetes-react';
import type { ObjectEvent } from '@internal/plugin-jetstream2-kubernetes-common';
import type { EntityName, Jetstream2KubernetesApi } from '../../api';

type KubernetesEvent = Awaited<
  ReturnType<KubernetesProxyApi['getEventsByInvolvedObjectName']>
>[number];

/**
 * How many lines of a log upstream's pod drawer shows. Upstream's proxy reads the whole log; our backend
 * caps it in bytes from its start, so without a tail a long log would show its oldest part.
 */
export const DRAWER_TAIL_LINES = 1000;

/** Our event in the shape of the Kubernetes Event that upstream's event list renders. */
export function toKubernetesEvent(
  event: ObjectEvent,
  index: number,
): KubernetesEvent {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: `${event.object.name}.${index}`,
      namespace: event.object.namespace,
      // Upstream shows this as "First event …"; we only know the last one, which is the first if once.
      creationTimestamp: event.count <= 1 ? event.lastSeen : undefined,
    },
    involvedObject: {
      kind: event.object.kind,
      name: event.object.name,
      namespace: event.object.namespace,
    },
    type: event.type,
    reason: event.reason,
    message: event.message,
    count: event.count,
    lastTimestamp: event.lastSeen,
  } as KubernetesEvent;
}

/**
 * Upstream's proxy API (`kubernetesProxyApiRef`) answered from our backend, for one entity: logs through
 * our entity-scoped, permission-checked logs route, events from the entity's events we already have.
 * Deleting a pod (shown only when `kubernetes.frontend.podDelete.enabled`) stays with the app's proxy API.
 */
export class EntityKubernetesProxyApi implements KubernetesProxyApi {
  constructor(
    private readonly options: {
      entity: EntityName;
      api: Jetstream2KubernetesApi;
      /** All events of the entity's objects, on every cluster. */
      events: ObjectEvent[];
      /** The app's own proxy API, if it has one (asked only when needed). */
      fallback?: () => KubernetesProxyApi | undefined;
    },
  ) {}

  async getPodLogs(request: {
    podName: string;
    namespace: string;
    clusterName: string;
    containerName: string;
    previous?: boolean;
  }): Promise<{ text: string }> {
    const text = await this.options.api.getPodLogs({
      entity: this.options.entity,
      cluster: request.clusterName,
      podNamespace: request.namespace,
      pod: request.podName,
      container: request.containerName,
      previous: request.previous,
      tailLines: DRAWER_TAIL_LINES,
    });
    return { text };
  }

  async getEventsByInvolvedObjectName(request: {
    clusterName: string;
    involvedObjectName: string;
    namespace: string;
  }): Promise<KubernetesEvent[]> {
    return this.options.events
      .filter(
        e =>
          e.cluster === request.clusterName &&
          e.object?.name === request.involvedObjectName &&
          (!e.object.namespace || e.object.namespace === request.namespace),
      )
      .map(toKubernetesEvent);
  }

  async deletePod(request: {
    podName: string;
    namespace: string;
    clusterName: string;
  }): Promise<{ text: string }> {
    const proxy = this.options.fallback?.();
    if (!proxy) {
      throw new Error(
        'Deleting a pod needs the Kubernetes proxy API, which this app does not provide.',
      );
    }
    return proxy.deletePod(request);
  }
}
