import { makeStyles } from '@material-ui/core';
import type { TopologyEdgeType } from '@internal/plugin-jetstream2-kubernetes-common';

/** How the kinds of edges look, four styles a person can tell apart, with the words for the legend. */
export const edgeStyles = [
  {
    style: 'owns',
    types: ['owns'],
    words: 'made by (owner → what it made)',
  },
  {
    style: 'traffic',
    types: ['selects', 'routes', 'exposes'],
    words: 'traffic (Ingress → Service → pods, address)',
  },
  {
    style: 'storage',
    types: ['mounts', 'binds', 'storage-class'],
    words: 'storage (pod → claim → volume, class)',
  },
  {
    style: 'placement',
    types: ['runs-on', 'scales'],
    words: 'runs on a node, or scales a workload',
  },
] as const satisfies ReadonlyArray<{
  style: string;
  types: readonly TopologyEdgeType[];
  words: string;
}>;

export type EdgeStyle = (typeof edgeStyles)[number]['style'];

export function styleOfEdge(type: TopologyEdgeType): EdgeStyle {
  return (
    edgeStyles.find(s => (s.types as readonly string[]).includes(type))
      ?.style ?? 'owns'
  );
}

export const useEdgeStyles = makeStyles(theme => ({
  owns: { stroke: theme.palette.text.secondary, strokeWidth: 1.5 },
  traffic: { stroke: '#0b4f8a', strokeWidth: 2.5 },
  storage: {
    stroke: '#6a1b9a',
    strokeWidth: 2,
    strokeDasharray: '7 4',
  },
  placement: {
    stroke: theme.palette.text.secondary,
    strokeWidth: 1.5,
    strokeDasharray: '2 4',
  },
  path: { fill: 'none' },
}));

/**
 * An edge along the points the graph library's layout (dagre) computed for it, in its kind's style,
 * with an arrow head at its end.
 */
export const TopologyEdgePath = ({
  type,
  points,
}: {
  type: TopologyEdgeType;
  points?: Array<{ x: number; y: number }>;
}) => {
  const classes = useEdgeStyles();
  const finite = (points ?? []).filter(
    p => Number.isFinite(p.x) && Number.isFinite(p.y),
  );
  if (finite.length < 2) return null;
  const d = finite
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`)
    .join(' ');
  return (
    <path
      d={d}
      className={`${classes.path} ${classes[styleOfEdge(type)]}`}
      markerEnd="url(#arrow-marker)"
      data-testid="topology-edge"
      data-edge-type={type}
    />
  );
};
