import type { GuideId } from '../../catalogue';
import type { ObjectRef } from '../../types';
import type { EventGroup } from '../groupEvents';

/**
 * One thing on an entity's tab that needs a person: a failing or waiting object, what is wrong in plain
 * words, the evidence, and where to go next. Workloads stand for their pods (a Deployment whose pod keeps
 * crashing is one item), and an object that only waits for another (a pod for its storage claim) is
 * folded into the other's item.
 */
export interface AttentionItem {
  /** Unique within the entity: cluster, kind, namespace and name. */
  id: string;
  severity: 'error' | 'warning';
  cluster: string;
  /** The object the item is about: the workload, or the object itself. */
  object: ObjectRef;
  /** What is wrong, to read after the object's name: "keeps crashing: restarted 14 times". */
  problem: string;
  /** The container whose log explains the problem (a crash loop, a failed run). */
  logs?: {
    pod: string;
    namespace: string;
    container: string;
    restarts: number;
  };
  /** The warning event that explains the problem, merged with its repeats. */
  event?: EventGroup;
  /** A plain fact when no event explains it ("Nothing has given it an address yet."). */
  detail?: string;
  /** Objects that wait for this one (the workloads that mount a pending claim). */
  blocks: ObjectRef[];
  /** Every object whose events belong to the item: the object, its pods, what it blocks. */
  related: ObjectRef[];
  /** The guide for this problem. */
  guideId: GuideId;
}
