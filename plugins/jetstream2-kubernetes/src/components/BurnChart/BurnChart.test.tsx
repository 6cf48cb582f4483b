import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { allocationResponse } from '../../__testUtils__';
import { BurnChart } from './BurnChart';
import { burnChartModel, formatTick, niceMax } from './burnChartModel';

const at = (h: number) => new Date(Date.UTC(2026, 11, 7, h)).toISOString();

describe('burnChartModel', () => {
  it('draws a run of buckets as one stepped line and a gap as a gap', () => {
    const model = burnChartModel(
      [
        { at: at(10), suPerHour: 4 },
        { at: at(11), suPerHour: 8 },
        // 12:00 was not measured
        { at: at(13), suPerHour: 6 },
      ],
      60,
      6,
      'Burn',
    );
    expect(model.runs).toHaveLength(2);
    // y: 10 SU/h is the top (niceMax of 8) over 176 units from y 24; x: 10:00 to 14:00 over 780 units
    expect(model.runs[0].line).toBe('M 84 129.6 H 279 V 59.2 H 474');
    expect(model.runs[1].area).toBe('M 669 94.4 H 864 V 200 H 669 Z');
    expect(model.yTicks.map(t => t.label)).toEqual([
      '0 SU/h',
      '5 SU/h',
      '10 SU/h',
    ]);
    expect(model.xTicks.map(t => t.label)).toEqual([
      '7 Dec 10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
    ]);
    expect(model.meanY).toBe(94.4);
    expect(model.summary).toBe(
      'Burn: 3 samples of 60 minutes from 7 Dec 10:00 to 7 Dec 14:00 UTC, between 4 and 8 SU per hour; the runway uses the mean, 6 SU per hour.',
    );
  });

  it('rounds the axis up and formats times in UTC', () => {
    expect([0, 0.3, 4, 8, 11, 80, 120].map(niceMax)).toEqual([
      1, 0.5, 5, 10, 20, 100, 200,
    ]);
    expect(formatTick(Date.UTC(2026, 11, 7, 9, 5), true)).toBe('7 Dec 09:05');
    expect(burnChartModel([], 60, 5, 'Burn').summary).toBe(
      'Burn: no samples yet.',
    );
  });
});

describe('BurnChart', () => {
  it('is an image named by its summary, with text of 12 px', async () => {
    await renderInTestApp(
      <BurnChart
        points={allocationResponse.history}
        bucketMinutes={60}
        mean={5}
        title="SU burn of cis240017"
      />,
    );
    const chart = screen.getByRole('img', {
      name: /^SU burn of cis240017: 24 samples of 60 minutes .* between 4 and 6 SU per hour; the runway uses the mean, 5 SU per hour\.$/,
    });
    expect(chart.getAttribute('style')).toContain('font-size: 12px');
    expect(screen.getAllByTestId('burn-run')).toHaveLength(1);
    expect(screen.getByTestId('burn-mean')).toHaveTextContent('mean 5 SU/h');
  });

  it('says there are no samples yet instead of an empty chart', async () => {
    await renderInTestApp(
      <BurnChart points={[]} bucketMinutes={60} title="SU burn" />,
    );
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
    expect(screen.getByText(/No samples yet/)).toBeInTheDocument();
  });
});
