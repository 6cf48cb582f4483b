import type { ConceptId, GuideId } from '../../catalogue';
import type { ClusterError, Insight, ObjectRef } from '../../types';
import type { KubeObjectsByKind } from '../kube';

/** What the rules look at. */
export interface InsightInput {
  /** Cluster name, copied into each insight. */
  cluster?: string;
  /** The error of the cluster's last collection, if any. */
  clusterError?: ClusterError;
  /** The objects to judge: a whole cluster, or one entity's objects in it. */
  objects: KubeObjectsByKind;
  /**
   * Cluster-wide facts the rules need even when `objects` is one entity's share: nodes (GPU capacity,
   * readiness), storage classes and warning events. Defaults to `objects`.
   */
  clusterWide?: ClusterWideObjects;
  /**
   * 'cluster' judges every node; 'entity' judges only the nodes the entity's pods run on.
   * Defaults to 'cluster'.
   */
  scope?: 'cluster' | 'entity';
}

/** The cluster-wide lists a rule may read whatever the scope. */
export type ClusterWideObjects = Pick<
  KubeObjectsByKind,
  'nodes' | 'storageClasses' | 'events'
>;

/**
 * An insight as a rule writes it: the evaluator adds the cluster and caps the objects. Its guide and
 * concept ids are typed from the catalogue, so a rule naming a guide or concept that does not exist
 * fails to compile (on the wire they are plain strings).
 */
export type InsightDraft = Omit<
  Insight,
  'cluster' | 'objects' | 'guideId' | 'conceptIds'
> & {
  guideId: GuideId;
  conceptIds: ConceptId[];
  objects: ObjectRef[];
};

/** One insight rule: a pure function from the input to zero or more drafts. */
export interface InsightRule {
  /** The ruleIds of the insights it can produce. */
  ruleIds: readonly string[];
  /**
   * Judges the input. `clusterWide` is `input.clusterWide`, or `input.objects` when the input is a whole
   * cluster.
   */
  evaluate(
    input: InsightInput,
    clusterWide: ClusterWideObjects,
  ): InsightDraft[];
}
