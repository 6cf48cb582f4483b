import type { NodeSummary } from '@internal/plugin-jetstream2-kubernetes-common';
import { formatBytes, formatCores, formatSu } from '../common/format';
import { nodeSummaryStatus } from '../common/nodes';

export interface Bar {
  label: string;
  requested: number;
  allocatable: number;
  /** Current usage from metrics.k8s.io, when the cluster serves it. */
  used?: number;
  text: string;
}

/** "js2-demo-worker-1 (m3.medium, 8 SU/h) – Cordoned". */
export function nodeLabel(node: NodeSummary): string {
  const status = nodeSummaryStatus(node);
  const facts = [
    node.flavor,
    node.suPerHour !== undefined ? `${formatSu(node.suPerHour)}/h` : undefined,
  ].filter(Boolean);
  return `${node.name}${facts.length ? ` (${facts.join(', ')})` : ''}${
    status.verdict === 'ok' ? '' : ` – ${status.text}`
  }`;
}

export function barsFor(node: NodeSummary, withGpu: boolean): Bar[] {
  const req = node.requested ?? { cpuCores: 0, memoryBytes: 0, gpus: 0 };
  const alloc = node.allocatable ?? { cpuCores: 0, memoryBytes: 0, gpus: 0 };
  const use = node.usage;
  const bars: Bar[] = [
    {
      label: 'CPU',
      requested: req.cpuCores ?? 0,
      allocatable: alloc.cpuCores ?? 0,
      used: use?.cpuCores,
      text: `${formatCores(req.cpuCores)} of ${formatCores(alloc.cpuCores)}${
        use ? `, used ${formatCores(use.cpuCores)}` : ''
      }`,
    },
    {
      label: 'Memory',
      requested: req.memoryBytes ?? 0,
      allocatable: alloc.memoryBytes ?? 0,
      used: use?.memoryBytes,
      text: `${formatBytes(req.memoryBytes)} of ${formatBytes(
        alloc.memoryBytes,
      )}${use ? `, used ${formatBytes(use.memoryBytes)}` : ''}`,
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

/** The chart's text alternative: every node's label and bars in words. */
export function chartSummary(
  title: string,
  nodes: NodeSummary[],
  withGpu: boolean,
): string {
  const withUsage = nodes.some(n => n.usage);
  const perNode = nodes
    .map(
      n =>
        `${nodeLabel(n)}: ${barsFor(n, withGpu)
          .map(b => `${b.label} ${b.text}`)
          .join(', ')}`,
    )
    .join('; ');
  return `${title}. Requested${
    withUsage ? ' and used' : ''
  } of allocatable per node: ${perNode}`;
}
