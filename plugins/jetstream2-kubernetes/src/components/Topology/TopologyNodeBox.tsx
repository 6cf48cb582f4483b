import { makeStyles } from '@material-ui/core';
import type { ObjectVerdict } from '@internal/plugin-jetstream2-kubernetes-common';
import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { guideTitle } from '../common/catalogue';
import { verdictLabel } from '../common/VerdictStatus';
import type { ViewNode } from './foldTopology';
import { wrapText } from './wrapText';

const MIN_WIDTH = 184;
const PAD = 8;
const STRIPE = 6;

/** Colours of the verdicts, dark enough for 4.5:1 on white (text) and 3:1 (the stripe). */
export const verdictColor: Record<ObjectVerdict, string> = {
  ok: '#1b5e20',
  done: '#545454',
  progressing: '#0d47a1',
  warning: '#7a4100',
  error: '#b71c1c',
};

const useStyles = makeStyles(theme => ({
  root: {
    cursor: 'pointer',
    outline: 'none',
    '&:focus $frame, &:hover $frame': {
      stroke: theme.palette.primary.main,
      strokeWidth: 3,
    },
  },
  frame: {
    fill: theme.palette.background.paper,
    stroke: theme.palette.divider,
    strokeWidth: 1.5,
  },
  missing: { strokeDasharray: '6 4', stroke: theme.palette.text.secondary },
  selected: { stroke: theme.palette.primary.main, strokeWidth: 3 },
  kind: { fill: theme.palette.text.secondary, fontSize: 12 },
  name: { fill: theme.palette.text.primary, fontSize: 14, fontWeight: 600 },
  line: { fill: theme.palette.text.primary, fontSize: 12 },
  guide: {
    fill: theme.palette.type === 'dark' ? '#90caf9' : '#0b4f8a',
    fontSize: 12,
    fontWeight: 600,
  },
}));

interface Line {
  text: string;
  className: 'kind' | 'name' | 'line' | 'guide' | 'status';
  size: number;
}

const kindLabel = (kind: string) =>
  kind === 'ExternalAddress' ? 'External address' : kind;

/** The lines a node shows, top to bottom: kind, name, status, flavor or GPU, guide. */
export function nodeLines(node: ViewNode): Line[] {
  const lines: Line[] = [];
  const push = (
    text: string,
    className: Line['className'],
    size: number,
    max: number,
    maxLines = 2,
  ) =>
    wrapText(text, max, maxLines).forEach(t =>
      lines.push({ text: t, className, size }),
    );
  push(
    node.fold
      ? `${kindLabel(node.kind)}s ${node.fold.of}`
      : `${kindLabel(node.kind)}${node.missing ? ' (not found)' : ''}`,
    'kind',
    12,
    26,
  );
  push(node.name, 'name', 14, 20, 3);
  push(node.status, 'status', 12, 26, node.fold ? 3 : 2);
  const hardware = [node.flavor, node.gpu].filter(Boolean).join(' · ');
  if (hardware) push(hardware, 'line', 12, 26);
  if (node.guideId) push(`Guide: ${guideTitle(node.guideId)}`, 'guide', 12, 26);
  if (node.fold) push('Select to show each one', 'line', 12, 26, 1);
  return lines;
}

/** What a screen reader says for a node (the box itself is drawn for the eye). */
export function nodeLabel(node: ViewNode): string {
  const parts = [
    node.fold
      ? `${node.name} ${node.fold.of}`
      : `${kindLabel(node.kind)} ${node.name}${
          node.missing ? ', not found' : ''
        }`,
    `${verdictLabel[node.verdict]}: ${node.status}`,
  ];
  const hardware = [node.flavor, node.gpu].filter(Boolean).join(', ');
  if (hardware) parts.push(hardware);
  if (node.guideId) parts.push(`guide: ${guideTitle(node.guideId)}`);
  parts.push(
    node.fold ? 'press Enter to show each one' : 'press Enter for details',
  );
  return parts.join('; ');
}

/**
 * One object of the topology drawn in SVG for the DependencyGraph: a box with a stripe in its verdict's
 * colour, its kind, name, status, flavor and guide. It is a button: click, Enter or Space activates it.
 */
export const TopologyNodeBox = ({
  node,
  selected,
  onActivate,
}: {
  node: ViewNode;
  selected: boolean;
  onActivate: (node: ViewNode) => void;
}) => {
  const classes = useStyles();
  const textRef = useRef<SVGGElement>(null);
  const [width, setWidth] = useState(MIN_WIDTH);
  const lines = nodeLines(node);
  const textKey = lines.map(l => l.text).join('\n');
  const height =
    PAD * 2 + lines.reduce((h, l) => h + (l.size === 14 ? 18 : 16), 0);
  useLayoutEffect(() => {
    const el = textRef.current;
    if (!el || typeof el.getBBox !== 'function') return;
    const measured = Math.max(
      MIN_WIDTH,
      Math.ceil(el.getBBox().width) + STRIPE + PAD * 2,
    );
    if (measured !== width) setWidth(measured);
  }, [width, textKey]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onActivate(node);
    }
  };
  let y = PAD;
  const color = verdictColor[node.verdict];
  // the button holds the box only and its words are drawn beside it, hidden from screen readers (the
  // button's label says them and more) and from the pointer: axe asks a button's visible text to be part
  // of its name, and a label that also gives the verdict and what Enter does cannot start with it
  return (
    <g>
      <g
        role="button"
        tabIndex={0}
        aria-label={nodeLabel(node)}
        aria-pressed={node.fold ? undefined : selected}
        className={classes.root}
        onClick={() => onActivate(node)}
        onKeyDown={onKeyDown}
        data-testid="topology-node"
        data-node-id={node.id}
        data-verdict={node.verdict}
      >
        <rect
          className={[
            classes.frame,
            node.missing ? classes.missing : '',
            selected ? classes.selected : '',
          ].join(' ')}
          width={width}
          height={height}
          rx={6}
        />
        <rect width={STRIPE} height={height} rx={2} fill={color} />
      </g>
      <g ref={textRef} aria-hidden="true" pointerEvents="none">
        {lines.map((line, i) => {
          y += line.size === 14 ? 18 : 16;
          const className =
            line.className === 'status'
              ? classes.line
              : classes[line.className];
          return (
            <text
              key={i}
              x={STRIPE + PAD}
              y={y - 4}
              className={className}
              style={line.className === 'status' ? { fill: color } : undefined}
            >
              {line.text}
            </text>
          );
        })}
      </g>
    </g>
  );
};
