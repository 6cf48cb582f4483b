import { useTheme } from '@material-ui/core';
import type { NodeSummary } from '@internal/plugin-jetstream2-kubernetes-common';
import { formatBytes, formatCores, percent } from '../common/format';
import { nodeSummaryStatus } from '../common/nodes';

/** " – NotReady" or " – Cordoned" after a node's name; nothing for a Ready node. */
function statusSuffix(node: NodeSummary): string {
  const status = nodeSummaryStatus(node);
  return status.verdict === 'ok' ? '' : ` – ${status.text}`;
}

interface Bar {
  label: string;
  requested: number;
  allocatable: number;
  text: string;
}

function barsFor(node: NodeSummary, withGpu: boolean): Bar[] {
  const req = node.requested ?? { cpuCores: 0, memoryBytes: 0, gpus: 0 };
  const alloc = node.allocatable ?? { cpuCores: 0, memoryBytes: 0, gpus: 0 };
  const bars: Bar[] = [
    {
      label: 'CPU',
      requested: req.cpuCores ?? 0,
      allocatable: alloc.cpuCores ?? 0,
      text: `${formatCores(req.cpuCores)} of ${formatCores(alloc.cpuCores)}`,
    },
    {
      label: 'Memory',
      requested: req.memoryBytes ?? 0,
      allocatable: alloc.memoryBytes ?? 0,
      text: `${formatBytes(req.memoryBytes)} of ${formatBytes(
        alloc.memoryBytes,
      )}`,
    },
  ];
  if (withGpu) {
    bars.push({
      label: 'GPU',
      requested: req.gpus ?? 0,
      allocatable: alloc.gpus ?? 0,
      text: alloc.gpus ? `${req.gpus ?? 0} of ${alloc.gpus}` : 'none',
    });
  }
  return bars;
}

const ROW = 18;
const GAP = 14;
const LABEL = 190;
const VALUE = 170;
const WIDTH = 760;

/**
 * Requested against allocatable CPU, memory and GPUs per node, as horizontal bars in plain SVG.
 * A bar turns red above 90 %, amber above 70 %.
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
  const color = (p: number) =>
    p > 90
      ? theme.palette.error.main
      : p > 70
      ? theme.palette.warning.main
      : theme.palette.primary.main;
  const summary = nodes
    .map(
      n =>
        `${n.name}: ${barsFor(n, withGpu)
          .map(b => `${b.label} ${b.text}`)
          .join(', ')}`,
    )
    .join('; ');

  if (nodes.length === 0) {
    return <p>No nodes reported.</p>;
  }
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={`${title}. Requested of allocatable per node: ${summary}`}
      style={{
        maxWidth: WIDTH,
        fontFamily: theme.typography.fontFamily,
        fontSize: 12,
      }}
    >
      <title>{title}</title>
      {nodes.map((node, i) => {
        const y0 = i * blockHeight;
        return (
          <g key={node.name} transform={`translate(0, ${y0})`}>
            <text
              x={0}
              y={12}
              fontWeight={600}
              fill={theme.palette.text.primary}
            >
              {node.name}
              {node.flavor ? ` (${node.flavor})` : ''}
              {statusSuffix(node)}
            </text>
            {barsFor(node, withGpu).map((bar, j) => {
              const p = percent(bar.requested, bar.allocatable);
              const y = 16 + j * ROW;
              const w =
                bar.allocatable > 0
                  ? Math.min(1, bar.requested / bar.allocatable) * barWidth
                  : 0;
              return (
                <g
                  key={bar.label}
                  data-testid={`bar-${node.name}-${bar.label}`}
                >
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
                    width={w}
                    height={ROW - 6}
                    rx={3}
                    fill={color(p)}
                  />
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
        );
      })}
    </svg>
  );
};
