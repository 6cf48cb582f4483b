import type { ObjectEvent, ObjectRef } from '../types';

/** Events of one type and reason about one object, merged: what a person reads as one line. */
export interface EventGroup extends ObjectEvent {
  /** A stable key: cluster, type, reason and object. */
  key: string;
  /** How many distinct event records were merged (each with its own count). */
  records: number;
}

function time(e: ObjectEvent): number {
  const t = e.lastSeen ? Date.parse(e.lastSeen) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** "Pod/science/worker-1": kind, namespace and name of an object. */
export function objectKey(ref: ObjectRef | undefined): string {
  return `${ref?.kind ?? ''}/${ref?.namespace ?? ''}/${ref?.name ?? ''}`;
}

/** True when the ref names the same object (a ref without a namespace matches any). */
export function sameObject(a: ObjectRef, b: ObjectRef | undefined): boolean {
  return (
    !!b &&
    a.kind === b.kind &&
    a.name === b.name &&
    (!a.namespace || !b.namespace || a.namespace === b.namespace)
  );
}

/**
 * Merges events by cluster, type, reason and object: the counts add up, the latest message and time are
 * kept. Warnings come first, then the newest; events without a time last.
 */
export function groupEvents(events: ObjectEvent[]): EventGroup[] {
  const groups = new Map<string, EventGroup>();
  for (const e of events) {
    const key = `${e.cluster}|${e.type}|${e.reason}|${objectKey(e.object)}`;
    const count = Math.max(1, e.count ?? 1);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { ...e, key, count, records: 1 });
      continue;
    }
    group.count += count;
    group.records += 1;
    if (time(e) >= time(group)) {
      group.message = e.message;
      group.lastSeen = e.lastSeen;
    }
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(b.type === 'Warning') - Number(a.type === 'Warning') ||
      time(b) - time(a),
  );
}
