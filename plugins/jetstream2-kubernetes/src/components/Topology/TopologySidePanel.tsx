import { Link, LinkButton } from '@backstage/core-components';
import type { Entity } from '@backstage/catalog-model';
import {
  Button,
  Drawer,
  IconButton,
  makeStyles,
  Typography,
} from '@material-ui/core';
import CloseIcon from '@material-ui/icons/Close';
import { Alert, AlertTitle } from '@material-ui/lab';
import type {
  EntityTopologyResponse,
  TopologyNode,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { useState, type ReactNode } from 'react';
import { useEntityWorkloads } from '../../hooks';
import { conceptsForKind, getConcept, guideTitle } from '../common/catalogue';
import { usePluginLinks } from '../common/links';
import { podsOf } from '../common/pods';
import { VerdictStatus } from '../common/VerdictStatus';
import { PodLogsDialog } from '../PodLogs';
import { ObjectEventsList } from './ObjectEventsList';

const useStyles = makeStyles(theme => ({
  paper: { width: 'min(460px, 100vw)', padding: theme.spacing(2, 3) },
  head: { display: 'flex', alignItems: 'flex-start', gap: theme.spacing(1) },
  title: { flex: 1, overflowWrap: 'anywhere' },
  section: { marginTop: theme.spacing(3) },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8em, auto) 1fr',
    gap: theme.spacing(0.5, 2),
    margin: 0,
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
}));

/**
 * What another engineer adds to the side panel per object (issue 22: restart, scale, delete pod, suspend
 * or resume): given the selected object, the buttons to show, or nothing.
 */
export type TopologyNodeActions = (node: TopologyNode) => ReactNode;

const conceptOf = (kind: string) =>
  kind === 'ExternalAddress'
    ? getConcept('load-balancer')
    : conceptsForKind(kind)[0];

const FactRow = ({ label, value }: { label: string; value: string }) => (
  <>
    <dt>{label}</dt>
    <dd>{value}</dd>
  </>
);

/** The side panel's body: what is wrong and the guide, the actions, facts, logs, events, the concept. */
const PanelBody = ({
  node,
  topology,
  entity,
  actions,
}: {
  node: TopologyNode;
  topology: EntityTopologyResponse;
  entity: Entity;
  actions?: TopologyNodeActions;
}) => {
  const classes = useStyles();
  const links = usePluginLinks();
  const workloads = useEntityWorkloads(entity);
  const [logsOpen, setLogsOpen] = useState(false);
  const insight = topology.insights.find(
    i => i.ruleId === node.ruleId && i.cluster === node.cluster,
  );
  const events = (workloads.value?.events ?? []).filter(
    e =>
      e.cluster === node.cluster &&
      e.object.kind === node.kind &&
      e.object.name === node.name &&
      (e.object.namespace ?? '') === node.namespace,
  );
  const pod =
    node.kind === 'Pod'
      ? (workloads.value?.clusters ?? [])
          .filter(c => c.cluster === node.cluster)
          .flatMap(podsOf)
          .find(
            p =>
              p.metadata?.name === node.name &&
              p.metadata?.namespace === node.namespace,
          )
      : undefined;
  const concept = conceptOf(node.kind);
  const extra = actions?.(node);
  return (
    <>
      {node.note && (
        <Alert severity="warning" className={classes.section}>
          {node.note}
        </Alert>
      )}
      {node.guideId && (
        <Alert severity="info" className={classes.section}>
          <AlertTitle>{insight?.title ?? 'A guide helps here'}</AlertTitle>
          {insight?.reason && <p>{insight.reason}</p>}
          <LinkButton
            variant="contained"
            color="primary"
            to={links.guide(node.guideId)}
          >
            Open the guide: {guideTitle(node.guideId)}
          </LinkButton>
        </Alert>
      )}
      {extra && (
        <section className={classes.section} aria-label="Actions">
          <Typography variant="h6" component="h3">
            Actions
          </Typography>
          {extra}
        </section>
      )}
      <section className={classes.section}>
        <Typography variant="h6" component="h3" gutterBottom>
          Facts
        </Typography>
        <dl className={classes.facts}>
          <dt>Cluster</dt>
          <dd>{node.cluster}</dd>
          {node.namespace && (
            <>
              <dt>Namespace</dt>
              <dd>{node.namespace}</dd>
            </>
          )}
          {node.facts.map(f => (
            <FactRow key={f.label} label={f.label} value={f.value} />
          ))}
        </dl>
      </section>
      {node.kind === 'Pod' && (
        <section className={classes.section}>
          <Button
            variant="outlined"
            disabled={!pod}
            onClick={() => setLogsOpen(true)}
          >
            {pod ? 'Show the logs' : 'Loading the pod…'}
          </Button>
          {pod && logsOpen && (
            <PodLogsDialog
              open={logsOpen}
              onClose={() => setLogsOpen(false)}
              entity={{
                namespace: entity.metadata.namespace ?? 'default',
                kind: entity.kind,
                name: entity.metadata.name,
              }}
              cluster={node.cluster}
              pod={pod}
            />
          )}
        </section>
      )}
      {!node.missing && node.kind !== 'ExternalAddress' && (
        <section className={classes.section}>
          <Typography variant="h6" component="h3" gutterBottom>
            Events
          </Typography>
          <ObjectEventsList
            events={events}
            loading={workloads.loading}
            emptyText="No events recorded for this object."
          />
        </section>
      )}
      {concept && (
        <section className={classes.section}>
          <Typography variant="h6" component="h3" gutterBottom>
            What is a {concept.name}?
          </Typography>
          <Typography variant="body2" paragraph>
            {concept.summary}
          </Typography>
          <Link to={links.concept(concept.id)}>More about {concept.name}</Link>
        </section>
      )}
    </>
  );
};

/**
 * The side panel of the selected object: its verdict, what is wrong and the guide that fixes it, a slot
 * for actions, its facts, logs (pods), events, and the concept card of its kind.
 */
export const TopologySidePanel = ({
  node,
  topology,
  entity,
  actions,
  onClose,
}: {
  node?: TopologyNode;
  topology: EntityTopologyResponse;
  entity: Entity;
  actions?: TopologyNodeActions;
  onClose: () => void;
}) => {
  const classes = useStyles();
  const titleId = 'topology-side-panel-title';
  return (
    <Drawer
      anchor="right"
      open={Boolean(node)}
      onClose={onClose}
      classes={{ paper: classes.paper }}
      PaperProps={{ role: 'dialog', 'aria-labelledby': titleId } as {}}
    >
      {node && (
        <>
          <div className={classes.head}>
            <div className={classes.title}>
              <Typography variant="overline" component="p">
                {node.kind === 'ExternalAddress'
                  ? 'External address'
                  : node.kind}
              </Typography>
              <Typography variant="h5" component="h2" id={titleId}>
                {node.name}
              </Typography>
              <VerdictStatus verdict={node.verdict} wrap>
                {node.status}
              </VerdictStatus>
            </div>
            <IconButton aria-label="Close the details" onClick={onClose}>
              <CloseIcon />
            </IconButton>
          </div>
          <PanelBody
            node={node}
            topology={topology}
            entity={entity}
            actions={actions}
          />
        </>
      )}
    </Drawer>
  );
};
