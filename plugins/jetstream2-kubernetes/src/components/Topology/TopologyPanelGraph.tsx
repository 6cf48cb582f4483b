import {
  DependencyGraph,
  DependencyGraphTypes,
} from '@backstage/core-components';
import { Button, makeStyles, Paper, Typography } from '@material-ui/core';
import type { TopologyEdge } from '@internal/plugin-jetstream2-kubernetes-common';
import { useMemo } from 'react';
import { foldPanel, type ViewNode } from './foldTopology';
import type { TopologyPanel } from './groupTopology';
import { TopologyEdgePath } from './TopologyEdgePath';
import { TopologyNodeBox } from './TopologyNodeBox';

const useStyles = makeStyles(theme => ({
  panel: { padding: theme.spacing(2), minWidth: 0 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: theme.spacing(2),
    marginBottom: theme.spacing(1),
  },
  // the graph keeps its text at full size: a graph wider than the card scrolls sideways
  graph: { overflowX: 'auto', minWidth: 0 },
}));

/** "Cluster js2-demo · namespace jhub · app “science”". */
export function panelTitle(panel: TopologyPanel): string {
  return [
    `Cluster ${panel.cluster}`,
    `namespace ${panel.namespace}`,
    ...(panel.group ? [`app “${panel.group}”`] : []),
  ].join(' · ');
}

/**
 * One panel of the topology, laid out left to right by the DependencyGraph of @backstage/core-components
 * (dagre): what sends traffic and what owns on the left, pods in the middle, what they use on the right.
 */
export const TopologyPanelGraph = ({
  panel,
  expanded,
  selectedId,
  onActivate,
  onFoldAgain,
}: {
  panel: TopologyPanel;
  expanded: ReadonlySet<string>;
  selectedId?: string;
  onActivate: (node: ViewNode) => void;
  onFoldAgain: (foldIds: string[]) => void;
}) => {
  const classes = useStyles();
  const folded = useMemo(() => foldPanel(panel, expanded), [panel, expanded]);
  const titleId = `topology-panel-${panel.id.replace(/[^a-zA-Z0-9-]/g, '-')}`;
  const objects = panel.nodes.length;
  return (
    <Paper
      component="section"
      aria-labelledby={titleId}
      className={classes.panel}
      data-testid="topology-panel"
    >
      <div className={classes.header}>
        <Typography variant="h6" component="h3" id={titleId}>
          {panelTitle(panel)}
        </Typography>
        <Typography variant="body2" color="textSecondary">
          {objects} object{objects === 1 ? '' : 's'}
          {folded.nodes.some(n => n.fold)
            ? '; many pods or nodes are folded into one box each'
            : ''}
        </Typography>
        {folded.openFolds.length > 0 && (
          <Button
            size="small"
            variant="outlined"
            onClick={() => onFoldAgain(folded.openFolds)}
          >
            Fold them again
          </Button>
        )}
      </div>
      <div className={classes.graph}>
        <DependencyGraph<ViewNode, TopologyEdge>
          nodes={folded.nodes}
          edges={folded.edges}
          direction={DependencyGraphTypes.Direction.LEFT_RIGHT}
          nodeMargin={14}
          rankMargin={56}
          edgeMargin={8}
          paddingX={8}
          paddingY={8}
          zoom="disabled"
          allowFullscreen={false}
          showArrowHeads
          renderNode={({ node }) => (
            <TopologyNodeBox
              node={node}
              selected={node.id === selectedId}
              onActivate={onActivate}
            />
          )}
          renderEdge={({ edge, id }) => (
            <TopologyEdgePath
              key={`${id.v}>${id.w}`}
              type={edge.type}
              points={edge.points}
            />
          )}
        />
      </div>
    </Paper>
  );
};
