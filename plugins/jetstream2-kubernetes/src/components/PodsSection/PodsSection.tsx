import { InfoCard } from '@backstage/core-components';
import { Typography } from '@material-ui/core';
import {
  detectErrors,
  type ClientPodStatus,
  type ClusterObjects,
  type DetectedError,
} from '@backstage/plugin-kubernetes-common';
import {
  ClusterContext,
  DetectedErrorsContext,
  PodMetricsContext,
  PodNamesWithErrorsContext,
} from '@backstage/plugin-kubernetes-react';
import { useEntity } from '@backstage/plugin-catalog-react';
import type {
  ClusterWorkloads,
  ObjectEvent,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { useContext, useMemo } from 'react';
import type { EntityPodUsage } from '../../api';
import { usePodUsage } from '../../hooks';
import { podsOf } from '../common/pods';
import { EntityKubernetesProxyApiProvider } from './EntityKubernetesProxyApiProvider';
import { EntityPodsTable, type EntityPodsTableProps } from './EntityPodsTable';

const NO_EVENTS: ObjectEvent[] = [];
const NO_METRICS: ClientPodStatus[] = [];

export interface PodsSectionProps {
  clusters: ClusterWorkloads[];
  /** All events of the entity's objects. */
  events?: ObjectEvent[];
  /** Extra per-pod cells (events, logs), given the pod's cluster. */
  extraColumns?: (cluster: string) => EntityPodsTableProps['extraColumns'];
}

function toClusterObjects(
  c: ClusterWorkloads,
  podMetrics: ClientPodStatus[],
): ClusterObjects {
  return {
    cluster: { name: c.cluster },
    resources: c.resources ?? [],
    podMetrics,
    errors: [],
  };
}

/** Upstream's PodMetricsContext value: podMetrics by cluster name. */
function toMetricsMap(
  usage: EntityPodUsage[] | undefined,
): Map<string, ClientPodStatus[]> {
  return new Map((usage ?? []).map(u => [u.cluster, u.podMetrics]));
}

function podNamesWithErrors(errors: DetectedError[]): Set<string> {
  return new Set(
    errors.filter(e => e.sourceRef?.kind === 'Pod').map(e => e.sourceRef.name),
  );
}

/** The cards of {@link PodsSection}, one per cluster with objects, inside the contexts upstream reads. */
const ClusterPods = ({
  clusters,
  events = NO_EVENTS,
  extraColumns,
}: PodsSectionProps) => {
  const metrics = useContext(PodMetricsContext);
  const withObjects = useMemo(
    () => clusters.filter(c => (c.resources ?? []).length > 0),
    [clusters],
  );
  // Detected errors come from the objects alone: usage polls do not recompute them.
  const detected = useMemo(() => {
    try {
      return detectErrors({
        items: withObjects.map(c => toClusterObjects(c, NO_METRICS)),
      });
    } catch {
      return new Map<string, DetectedError[]>();
    }
  }, [withObjects]);
  if (withObjects.length === 0) {
    return null;
  }
  const objects = withObjects.map(c =>
    toClusterObjects(c, metrics.get(c.cluster) ?? NO_METRICS),
  );
  return (
    // A grid stack, not a column flexbox: wide tables scroll inside their card instead of widening it.
    <div
      style={{
        display: 'grid',
        gap: 16,
        gridTemplateColumns: 'minmax(0, 1fr)',
      }}
    >
      {withObjects.map((c, i) => {
        const pods = podsOf(c);
        const errors = detected.get(c.cluster) ?? [];
        const withErrors = podNamesWithErrors(errors);
        return (
          <div key={c.cluster}>
            <ClusterContext.Provider value={objects[i].cluster}>
              <DetectedErrorsContext.Provider value={errors}>
                <PodNamesWithErrorsContext.Provider value={withErrors}>
                  <InfoCard
                    title={`Pods on ${c.cluster}`}
                    subheader="A name opens its containers; the arrow, its events; Logs, its log"
                    noPadding
                  >
                    {pods.length > 0 ? (
                      <EntityPodsTable
                        cluster={c.cluster}
                        pods={pods}
                        errors={errors}
                        events={events.filter(e => e.cluster === c.cluster)}
                        extraColumns={extraColumns?.(c.cluster)}
                        showUsage={objects[i].podMetrics.length > 0}
                      />
                    ) : (
                      <Typography style={{ padding: 16 }}>
                        No pods of this entity run on {c.cluster}.
                      </Typography>
                    )}
                  </InfoCard>
                </PodNamesWithErrorsContext.Provider>
              </DetectedErrorsContext.Provider>
            </ClusterContext.Provider>
          </div>
        );
      })}
    </div>
  );
};

/**
 * The entity's pods per cluster in our table (our status; upstream's pod drawer with containers and
 * logs), wrapped in the contexts upstream's drawer reads. The other objects are the workloads table's
 * rows: upstream's per-cluster view of them would list the pods a second time.
 * Upstream's components read pod logs and events through our backend for the current entity, never
 * through upstream's Kubernetes proxy (see {@link EntityKubernetesProxyApiProvider}). The pods' CPU and
 * memory usage is fetched apart from the entity's view (every 15 s, see {@link usePodUsage}) and given
 * to upstream's PodMetricsContext and podMetrics; without it (no metrics, a failed fetch) the tab shows
 * everything else as before.
 */
export const PodsSection = ({
  events = NO_EVENTS,
  ...props
}: PodsSectionProps) => {
  const { entity } = useEntity();
  const usage = usePodUsage({
    namespace: entity.metadata.namespace,
    kind: entity.kind,
    name: entity.metadata.name,
  });
  // the last fetch failed: no usage rather than usage that is no longer followed
  const current = usage.error ? undefined : usage.value;
  const metrics = useMemo(() => toMetricsMap(current), [current]);
  return (
    <EntityKubernetesProxyApiProvider events={events}>
      <PodMetricsContext.Provider value={metrics}>
        <ClusterPods events={events} {...props} />
      </PodMetricsContext.Provider>
    </EntityKubernetesProxyApiProvider>
  );
};
