import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import type { Entity } from '@backstage/catalog-model';
import { Grid } from '@material-ui/core';
import { useEntityWorkloads } from '../../hooks';
import { isJetstream2KubernetesAvailable } from '../../isJetstream2KubernetesAvailable';
import { ClusterContextCard } from '../ClusterContextCard';
import { LiveIndicator, StaleClusters } from '../LiveIndicator';
import { ClusterErrorPanel } from '../ClusterErrorPanel';
import { ConceptPresenceCards } from '../ConceptPresenceCards';
import { EventsTable } from '../EventsTable';
import { EntityCostCard } from '../CostSummary';
import { MissingAnnotation } from '../MissingAnnotation';
import { NeedsAttention } from '../NeedsAttention';
import { NoWorkloadsPanel } from '../NoWorkloadsPanel';
import { PodLogsButton } from '../PodLogs';
import { PodsSection } from '../PodsSection';
import { RecommendedGuides } from '../RecommendedGuides';
import { WorkloadsTable } from '../WorkloadsTable';
import { CollapsibleSection, Section } from '../common/Section';
import { conceptsSummary, whereItRunsSummary } from './sectionSummaries';

/** A block stack: its cards take the column's width, whatever their content. */
const stack = {
  display: 'grid',
  gap: 24,
  gridTemplateColumns: 'minmax(0, 1fr)',
} as const;

// Grid items may shrink below their content's width: wide tables scroll inside their card instead.
const fit = { minWidth: 0 };

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
  // with one cluster, naming it in every row says nothing
  const manyClusters =
    clusters.filter(c => (c.resources ?? []).length > 0).length > 1;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} style={fit}>
        <LiveIndicator live={live} updatedAt={updatedAt} error={error} />
      </Grid>
      {clusters.some(c => c.unreachableSince) && (
        <Grid item xs={12} style={fit}>
          <StaleClusters clusters={clusters} />
        </Grid>
      )}
      {failed.map(c => (
        <Grid item xs={12} key={`error-${c.cluster}`}>
          <ClusterErrorPanel cluster={c.cluster} error={c.error} />
        </Grid>
      ))}
      {hasObjects && (
        <Grid item xs={12} style={fit}>
          <NeedsAttention view={value} entity={entityName} />
        </Grid>
      )}
      <Grid item xs={12} lg={8} style={fit}>
        {/* The cost sits under the workloads, so the two columns end near each other (a shorter tab). */}
        <div style={stack}>
          {hasObjects ? (
            <WorkloadsTable workloads={workloads} showClusters={manyClusters} />
          ) : (
            <NoWorkloadsPanel data={value} />
          )}
          {value.cost && <EntityCostCard cost={value.cost} />}
        </div>
      </Grid>
      <Grid item xs={12} lg={4} style={fit}>
        <RecommendedGuides recommendations={value.recommendedGuides ?? []} />
      </Grid>
      {hasObjects && (
        <Grid item xs={12} style={fit}>
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
        <Grid item xs={12} style={fit}>
          <Section
            title="Events"
            subtitle="Warnings, grouped by reason and object"
          >
            <EventsTable
              events={events}
              showCluster={manyClusters}
              emptyText="No events of this entity's objects in the last hour."
            />
          </Section>
        </Grid>
      )}
      {concepts.length > 0 && (
        <Grid item xs={12} style={fit}>
          <CollapsibleSection
            id="concepts"
            title="What these objects are"
            summary={conceptsSummary(concepts)}
          >
            <ConceptPresenceCards concepts={concepts} />
          </CollapsibleSection>
        </Grid>
      )}
      {answered.length > 0 && (
        <Grid item xs={12} style={fit}>
          <CollapsibleSection
            id="where-it-runs"
            title="Where it runs"
            summary={whereItRunsSummary(answered)}
          >
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
          </CollapsibleSection>
        </Grid>
      )}
    </Grid>
  );
};

/**
 * The entity tab: what needs attention first (with the evidence and the next steps), then the workloads,
 * the guides that fit, the pods, the warning events; concepts and the cluster collapsed.
 */
export const EntityWorkloadsContent = () => {
  const { entity } = useEntity();
  if (!isJetstream2KubernetesAvailable(entity)) {
    return <MissingAnnotation />;
  }
  return <EntityWorkloads entity={entity} />;
};
