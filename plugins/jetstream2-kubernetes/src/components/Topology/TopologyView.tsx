import type { Entity } from '@backstage/catalog-model';
import { Button, makeStyles, Typography } from '@material-ui/core';
import {
  compareVerdicts,
  isHealthyVerdict,
  type EntityTopologyResponse,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { useCallback, useMemo, useState } from 'react';
import { guideTitle } from '../common/catalogue';
import { ClusterErrorPanel } from '../ClusterErrorPanel';
import type { ViewNode } from './foldTopology';
import { groupTopology } from './groupTopology';
import { TopologyLegend } from './TopologyLegend';
import { TopologyPanelGraph } from './TopologyPanelGraph';
import {
  TopologySidePanel,
  type TopologyNodeActions,
} from './TopologySidePanel';

const useStyles = makeStyles(theme => ({
  stack: { display: 'grid', gap: theme.spacing(3), minWidth: 0 },
  problems: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    alignItems: 'center',
    listStyle: 'none',
    padding: 0,
    margin: 0,
  },
  problem: { textTransform: 'none', textAlign: 'left' },
}));

/** At most this many objects are named in the "needs a look" line; the graph shows the rest. */
const MAX_NAMED = 6;

/**
 * An entity's topology: one graph per cluster and namespace (and app), what needs a look named first as
 * buttons, and the side panel of the selected object. Large panels fold pods and nodes; selecting a fold
 * shows its members.
 */
export const TopologyView = ({
  topology,
  entity,
  actions,
}: {
  topology: EntityTopologyResponse;
  entity: Entity;
  /** Per-object actions for the side panel (issue 22). */
  actions?: TopologyNodeActions;
}) => {
  const classes = useStyles();
  const panels = useMemo(() => groupTopology(topology), [topology]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selectedId, setSelectedId] = useState<string>();
  // the selected object as the latest data shows it (its status moves while the panel is open)
  const selected = topology.nodes.find(n => n.id === selectedId);
  const onActivate = useCallback((node: ViewNode) => {
    if (node.fold) {
      setExpanded(prev => new Set([...prev, node.id]));
    } else {
      setSelectedId(node.id);
    }
  }, []);
  const onFoldAgain = useCallback((ids: string[]) => {
    setExpanded(prev => new Set([...prev].filter(id => !ids.includes(id))));
  }, []);
  const problems = topology.nodes
    .filter(n => !isHealthyVerdict(n.verdict))
    .sort((a, b) => compareVerdicts(a.verdict, b.verdict));
  const failed = topology.clusters.filter(c => c.error);
  const clusterCount = new Set(topology.nodes.map(n => n.cluster)).size;
  return (
    <div className={classes.stack}>
      {failed.map(c => (
        <ClusterErrorPanel
          key={c.cluster}
          cluster={c.cluster}
          error={c.error}
        />
      ))}
      <div>
        <Typography variant="body1" gutterBottom>
          {topology.nodes.length} objects in {clusterCount} cluster
          {clusterCount === 1 ? '' : 's'}
          {problems.length > 0
            ? `; ${problems.length} need${
                problems.length === 1 ? 's' : ''
              } a look:`
            : '; nothing needs a look.'}
        </Typography>
        {problems.length > 0 && (
          <ul
            className={classes.problems}
            aria-label="Objects that need a look"
          >
            {problems.slice(0, MAX_NAMED).map(n => (
              <li key={n.id}>
                <Button
                  size="small"
                  variant="outlined"
                  className={classes.problem}
                  onClick={() => setSelectedId(n.id)}
                >
                  {n.kind === 'ExternalAddress' ? 'Address' : n.kind} {n.name}:{' '}
                  {n.status}
                  {n.guideId ? ` (guide: ${guideTitle(n.guideId)})` : ''}
                </Button>
              </li>
            ))}
            {problems.length > MAX_NAMED && (
              <li>
                <Typography variant="body2">
                  and {problems.length - MAX_NAMED} more in the graph
                </Typography>
              </li>
            )}
          </ul>
        )}
      </div>
      <TopologyLegend />
      {panels.map(panel => (
        <TopologyPanelGraph
          key={panel.id}
          panel={panel}
          expanded={expanded}
          selectedId={selectedId}
          onActivate={onActivate}
          onFoldAgain={onFoldAgain}
        />
      ))}
      <TopologySidePanel
        node={selected}
        topology={topology}
        entity={entity}
        actions={actions}
        onClose={() => setSelectedId(undefined)}
      />
    </div>
  );
};
