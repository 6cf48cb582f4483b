import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { Grid, Typography } from '@material-ui/core';
import { useEntityWorkloads } from '../../hooks';
import { isJetstream2KubernetesAvailable } from '../../isJetstream2KubernetesAvailable';
import { ClusterContextCard } from '../ClusterContextCard';
import { LiveIndicator, StaleClusters } from '../LiveIndicator';
import { ClusterErrorPanel } from '../ClusterErrorPanel';
import { ConceptPresenceCards } from '../ConceptPresenceCards';
import { EventsTable } from '../EventsTable';
import { EntityCostCard } from '../CostSummary';
import { MissingAnnotation } from '../MissingAnnotation';
import { NoWorkloadsPanel } from '../NoWorkloadsPanel';
import { PodLogsButton } from '../PodLogs';
import { PodsSection } from '../PodsSection';
import { RecommendedGuides } from '../RecommendedGuides';
import { WorkloadsTable } from '../WorkloadsTable';

const EntityWorkloads = ({ entity }: { entity: Entity }) => {
  const { value, loading, error, live, updatedAt } = useEntityWorkloads(entity);
  if (loading && !value) {
    return <Progress />;
  }
  if (error && !value) {
    return (
      <ResponseErrorPanel
        error={error}
        title="Could not load this entity's workloads"
      />
    );
  }
  if (!value) {
    return null;
  }
  const clusters = value.clusters ?? [];
  const workloads = value.workloads ?? [];
  const concepts = value.concepts ?? [];
  const failed = clusters.filter(c => c.status === 'error' || c.error);
  // An unreachable cluster still shows its last data, marked stale above.
  const answered = clusters.filter(
    c => !(c.status === 'error' || c.error) || c.unreachableSince,
  );
  const events = value.events;
  const entityName = {
    namespace: entity.metadata.namespace ?? 'default',
    kind: entity.kind,
    name: entity.metadata.name,
  };
  const hasObjects =
    workloads.length > 0 ||
    clusters.some(c =>
      (c.resources ?? []).some(r => (r.resources ?? []).length > 0),
    );

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} style={{ minWidth: 0 }}>
        <LiveIndicator live={live} updatedAt={updatedAt} error={error} />
      </Grid>
      {clusters.some(c => c.unreachableSince) && (
        <Grid item xs={12} style={{ minWidth: 0 }}>
          <StaleClusters clusters={clusters} />
        </Grid>
      )}
      {failed.map(c => (
        <Grid item xs={12} key={`error-${c.cluster}`}>
          <ClusterErrorPanel cluster={c.cluster} error={c.error} />
        </Grid>
      ))}
      <Grid item xs={12} lg={8} style={{ minWidth: 0 }}>
        {hasObjects ? (
          <div style={{ overflowX: 'auto' }}>
            <WorkloadsTable workloads={workloads} />
          </div>
        ) : (
          <NoWorkloadsPanel data={value} />
        )}
      </Grid>
      <Grid item xs={12} lg={4} style={{ minWidth: 0 }}>
        {/* A block stack: its cards take the column's width, whatever their content. */}
        <div
          style={{
            display: 'grid',
            gap: 24,
            gridTemplateColumns: 'minmax(0, 1fr)',
          }}
        >
          <RecommendedGuides recommendations={value.recommendedGuides ?? []} />
          {value.cost && <EntityCostCard cost={value.cost} />}
        </div>
      </Grid>
      {hasObjects && (
        <Grid item xs={12} style={{ minWidth: 0 }}>
          <PodsSection
            clusters={answered}
            events={events ?? []}
            extraColumns={cluster => [
              {
                title: 'Logs',
                render: pod => (
                  <PodLogsButton
                    entity={entityName}
                    cluster={cluster}
                    pod={pod}
                  />
                ),
              },
            ]}
          />
        </Grid>
      )}
      {events && (
        <Grid item xs={12} style={{ minWidth: 0 }}>
          <EventsTable
            title="Events"
            events={events}
            emptyText="No events of this entity's objects."
          />
        </Grid>
      )}
      {concepts.length > 0 && (
        <Grid item xs={12} style={{ minWidth: 0 }}>
          <Typography variant="h5" component="h2" gutterBottom>
            What these objects are
          </Typography>
          <ConceptPresenceCards concepts={concepts} />
        </Grid>
      )}
      {answered.length > 0 && (
        <Grid item xs={12} style={{ minWidth: 0 }}>
          <Typography variant="h5" component="h2" gutterBottom>
            Where it runs
          </Typography>
          <div
            style={{
              display: 'grid',
              gap: 24,
              gridTemplateColumns: 'minmax(0, 1fr)',
            }}
          >
            {answered.map(c => (
              <ClusterContextCard key={c.cluster} name={c.cluster} />
            ))}
          </div>
        </Grid>
      )}
    </Grid>
  );
};

/** The entity tab: live workloads across clusters, their concepts, the guides that fit, the cluster. */
export const EntityWorkloadsContent = () => {
  const { entity } = useEntity();
  if (!isJetstream2KubernetesAvailable(entity)) {
    return <MissingAnnotation />;
  }
  return <EntityWorkloads entity={entity} />;
};
