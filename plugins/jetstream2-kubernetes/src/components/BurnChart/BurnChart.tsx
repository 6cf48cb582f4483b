import { Typography, useTheme } from '@material-ui/core';
import useMeasure from 'react-use/esm/useMeasure';
import type { AllocationBurnPoint } from '@internal/plugin-jetstream2-kubernetes-common';
import { burnChartModel, CHART, MIN_CHART_WIDTH } from './burnChartModel';

/** The first time label starts at its tick, the last ends at it, the others are centred. */
function anchorOf(i: number, count: number): 'start' | 'middle' | 'end' {
  if (i === 0) return 'start';
  return i === count - 1 ? 'end' : 'middle';
}

/**
 * An allocation's SU burn over time, in plain SVG like the capacity chart: one stepped line per run of
 * measured buckets (gaps stay gaps), the mean the runway is reckoned from as a dashed line, text of 12 px
 * and more, and the whole chart said in words as its accessible name.
 */
export const BurnChart = ({
  points,
  bucketMinutes,
  mean,
  title,
}: {
  points: AllocationBurnPoint[];
  bucketMinutes: number;
  mean?: number;
  title: string;
}) => {
  const theme = useTheme();
  // laid out at the width it gets, so that its text stays 12 px rather than scaling down with the svg
  const [ref, { width: measured }] = useMeasure<HTMLDivElement>();
  const width =
    measured > 0
      ? Math.max(MIN_CHART_WIDTH, Math.round(measured))
      : CHART.width;
  const model = burnChartModel(points, bucketMinutes, mean, title, width);
  if (points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No samples yet. The portal measures the burn every few minutes from now
        on; the chart fills as they come in.
      </Typography>
    );
  }
  const text = theme.palette.text.secondary;
  const right = width - CHART.right;
  return (
    <div ref={ref}>
      <svg
        viewBox={`0 0 ${width} ${CHART.height}`}
        width="100%"
        role="img"
        aria-label={model.summary}
        style={{
          display: 'block',
          fontFamily: theme.typography.fontFamily,
          fontSize: 12,
        }}
      >
        <title>{title}</title>
        {model.yTicks.map(t => (
          <g key={t.label}>
            <line
              x1={CHART.left}
              x2={right}
              y1={t.y}
              y2={t.y}
              stroke={theme.palette.divider}
            />
            <text x={CHART.left - 8} y={t.y + 4} textAnchor="end" fill={text}>
              {t.label}
            </text>
          </g>
        ))}
        {model.xTicks.map((t, i) => (
          <text
            key={`${t.label}-${i}`}
            x={t.x}
            y={CHART.height - CHART.bottom + 18}
            textAnchor={anchorOf(i, model.xTicks.length)}
            fill={text}
          >
            {t.label}
          </text>
        ))}
        <text x={right} y={CHART.height - 4} textAnchor="end" fill={text}>
          Time (UTC)
        </text>
        {model.runs.map((run, i) => (
          <g key={i} data-testid="burn-run">
            <path
              d={run.area}
              fill={theme.palette.primary.main}
              fillOpacity={0.15}
            />
            <path
              d={run.line}
              fill="none"
              stroke={theme.palette.primary.main}
              strokeWidth={2}
            />
          </g>
        ))}
        {model.meanY !== undefined && mean !== undefined && (
          <g data-testid="burn-mean">
            <line
              x1={CHART.left}
              x2={right}
              y1={model.meanY}
              y2={model.meanY}
              stroke={theme.palette.text.primary}
              strokeDasharray="6 4"
            />
            <text
              x={right}
              y={Math.max(CHART.top - 6, model.meanY - 6)}
              textAnchor="end"
              fill={theme.palette.text.primary}
            >
              {`mean ${Math.round(mean * 10) / 10} SU/h`}
            </text>
          </g>
        )}
      </svg>
    </div>
  );
};
