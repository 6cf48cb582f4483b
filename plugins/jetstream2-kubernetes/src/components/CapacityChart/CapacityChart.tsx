import { useTheme } from '@material-ui/core';
import type { NodeSummary } from '@internal/plugin-jetstream2-kubernetes-common';
import { percent } from '../common/format';
import { barsFor, chartSummary, nodeLabel } from './bars';

const ROW = 18;
const GAP = 14;
const LABEL = 190;
const VALUE = 290;
const WIDTH = 880;

/**
 * Requested against allocatable CPU, memory and GPUs per node, as horizontal bars in plain SVG, with
 * each node's SU cost and, when metrics are served, current usage as a dark line inside the bar.
 * A bar turns red above 90 %, amber above 70 %. The aria-label says all of it in words.
 */
export const CapacityChart = ({
  nodes,
  title,
}: {
  nodes: NodeSummary[];
  title: string;
}) => {
  const theme = useTheme();
  const withGpu = nodes.some(
    n => (n.allocatable?.gpus ?? 0) > 0 || (n.requested?.gpus ?? 0) > 0,
  );
  const perNode = withGpu ? 3 : 2;
  const blockHeight = perNode * ROW + GAP + 16;
  const height = Math.max(nodes.length * blockHeight, 40);
  const barWidth = WIDTH - LABEL - VALUE;
  const color = (p: number) => {
    if (p > 90) return theme.palette.error.main;
    if (p > 70) return theme.palette.warning.main;
    return theme.palette.primary.main;
  };

  if (nodes.length === 0) {
    return <p>No nodes reported.</p>;
  }
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={chartSummary(title, nodes, withGpu)}
      style={{
        maxWidth: WIDTH,
        fontFamily: theme.typography.fontFamily,
        fontSize: 12,
      }}
    >
      <title>{title}</title>
      {nodes.map((node, i) => (
        <g key={node.name} transform={`translate(0, ${i * blockHeight})`}>
          <text x={0} y={12} fontWeight={600} fill={theme.palette.text.primary}>
            {nodeLabel(node)}
          </text>
          {barsFor(node, withGpu).map((bar, j) => {
            const p = percent(bar.requested, bar.allocatable);
            const y = 16 + j * ROW;
            const scale = (v: number) =>
              bar.allocatable > 0
                ? Math.min(1, v / bar.allocatable) * barWidth
                : 0;
            return (
              <g key={bar.label} data-testid={`bar-${node.name}-${bar.label}`}>
                <text
                  x={LABEL - 8}
                  y={y + 12}
                  textAnchor="end"
                  fill={theme.palette.text.secondary}
                >
                  {bar.label}
                </text>
                <rect
                  x={LABEL}
                  y={y + 2}
                  width={barWidth}
                  height={ROW - 6}
                  rx={3}
                  fill={theme.palette.action.hover}
                  stroke={theme.palette.divider}
                />
                <rect
                  x={LABEL}
                  y={y + 2}
                  width={scale(bar.requested)}
                  height={ROW - 6}
                  rx={3}
                  fill={color(p)}
                />
                {bar.used !== undefined && (
                  <rect
                    data-testid={`usage-${node.name}-${bar.label}`}
                    x={LABEL}
                    y={y + ROW / 2 - 2}
                    width={scale(bar.used)}
                    height={3}
                    fill={theme.palette.text.primary}
                  />
                )}
                <text
                  x={LABEL + barWidth + 8}
                  y={y + 12}
                  fill={theme.palette.text.primary}
                >
                  {bar.text}
                  {bar.allocatable > 0 ? ` (${p}%)` : ''}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
};
