import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { makeStyles, Typography } from '@material-ui/core';
import { useEntityTopology } from '../../hooks';
import { isJetstream2KubernetesAvailable } from '../../isJetstream2KubernetesAvailable';
import { LiveIndicator } from '../LiveIndicator';
import { MissingAnnotation } from '../MissingAnnotation';
import { TopologyView, type TopologyNodeActions } from '../Topology';

const useStyles = makeStyles(theme => ({
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(2),
  },
}));

const EntityTopology = ({
  entity,
  actions,
}: {
  entity: Entity;
  actions?: TopologyNodeActions;
}) => {
  const classes = useStyles();
  const { value, loading, error, live, updatedAt } = useEntityTopology(entity);
  if (loading && !value) return <Progress />;
  if (error && !value) {
    return (
      <ResponseErrorPanel
        error={error}
        title="Could not load this entity's topology"
      />
    );
  }
  if (!value) return null;
  return (
    <>
      <div className={classes.head}>
        <Typography variant="h5" component="h2">
          How it fits together
        </Typography>
        <LiveIndicator live={live} updatedAt={updatedAt} error={error} />
      </div>
      {value.nodes.length === 0 ? (
        <EmptyState
          missing="data"
          title="No Kubernetes objects to draw"
          description={`None of the ${value.clusters.length} cluster(s) searched holds objects labelled for this entity; the Kubernetes tab says which label it looks for.`}
        />
      ) : (
        <TopologyView topology={value} entity={entity} actions={actions} />
      )}
    </>
  );
};

/**
 * The entity's "Topology" tab: its objects in every cluster as a live graph, each with its verdict and,
 * where something is wrong, the guide that fixes it; a side panel per object.
 */
export const EntityTopologyContent = ({
  actions,
}: {
  /** Per-object actions for the side panel (see TopologyNodeActions). */
  actions?: TopologyNodeActions;
}) => {
  const { entity } = useEntity();
  if (!isJetstream2KubernetesAvailable(entity)) {
    return <MissingAnnotation />;
  }
  return <EntityTopology entity={entity} actions={actions} />;
};
