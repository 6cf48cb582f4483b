import {
  entityResources,
  type KubeObject,
  type KubeObjectsByKind,
  type ObjectEvent,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { ObjectIndex } from '../ClusterCollector/objectIndex';

/** All events about the selected objects, newest first. */
export function eventsOf(
  cluster: string,
  index: ObjectIndex,
  selected: KubeObjectsByKind,
): ObjectEvent[] {
  const events: ObjectEvent[] = [];
  for (const def of entityResources) {
    for (const o of selected[def.key] ?? []) {
      const name = o.metadata?.name ?? '';
      const namespace = o.metadata?.namespace;
      for (const e of index.eventsAbout(def.kind, namespace, name) as any[]) {
        const last =
          e.series?.lastObservedTime ??
          e.lastTimestamp ??
          e.eventTime ??
          e.metadata?.creationTimestamp;
        events.push({
          cluster,
          type: e.type ?? 'Normal',
          reason: e.reason ?? '',
          message: e.message ?? e.note ?? '',
          object: { kind: def.kind, namespace, name },
          count: e.count ?? e.series?.count ?? 1,
          lastSeen: last ? new Date(last).toISOString() : undefined,
        });
      }
    }
  }
  return events.sort((a, b) =>
    (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''),
  );
}

/** The raw events about the selected objects (for the insight rules). */
export function rawEventsOf(
  index: ObjectIndex,
  selected: KubeObjectsByKind,
): KubeObject[] {
  const events: KubeObject[] = [];
  for (const def of entityResources) {
    for (const o of selected[def.key] ?? []) {
      events.push(
        ...index.eventsAbout(
          def.kind,
          o.metadata?.namespace,
          o.metadata?.name ?? '',
        ),
      );
    }
  }
  return events;
}
