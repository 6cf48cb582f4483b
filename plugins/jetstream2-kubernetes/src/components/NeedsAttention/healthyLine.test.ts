import type { WorkloadRow } from '@internal/plugin-jetstream2-kubernetes-common';
import { healthyLine } from './healthyLine';

const rows = (...verdicts: WorkloadRow['verdict'][]): WorkloadRow[] =>
  verdicts.map((verdict, i) => ({
    kind: 'Deployment',
    namespace: 'a',
    name: `w${i}`,
    clusters: ['c'],
    status: '',
    verdict,
    healthy: true,
  }));

describe('healthyLine', () => {
  it('says all are healthy in one line, naming finished and starting ones apart', () => {
    expect(healthyLine(rows('ok', 'ok', 'ok', 'ok', 'ok'))).toBe(
      'All 5 workloads healthy',
    );
    expect(healthyLine(rows('ok'))).toBe('Its one workload is healthy');
    expect(healthyLine(rows('ok', 'ok', 'done', 'progressing'))).toBe(
      '2 workloads healthy · 1 finished · 1 starting',
    );
    expect(healthyLine(rows('done'))).toBe('1 finished');
    expect(healthyLine([])).toBe('No workloads to check');
  });
});
