import { mockServices } from '@backstage/backend-test-utils';
import {
  createControlPlanePoller,
  parseChecks,
  type ControlPlanePoller,
} from './controlPlanePoller';

const READY =
  '[+]ping ok\n[+]etcd ok\n[+]informer-sync ok\nreadyz check passed\n';
const NOT_READY =
  '[+]ping ok\n[-]etcd failed: reason withheld\n[+]informer-sync ok\nreadyz check failed\n';
const LIVE = '[+]ping ok\n[+]etcd ok\nlivez check passed\n';

/** A stand-in for the API server: each path answers what the test sets, or throws. */
function fakeApi() {
  const answers = new Map<string, { status: number; body: string } | Error>();
  const requested: string[] = [];
  const answer = (path: string) => {
    requested.push(path);
    const a = answers.get(path.split('?')[0]);
    if (!a) throw new Error(`unexpected ${path}`);
    if (a instanceof Error) throw a;
    return a;
  };
  const healthy = () => {
    answers.set('/version', {
      status: 200,
      body: JSON.stringify({ gitVersion: 'v1.34.4' }),
    });
    answers.set('/readyz', { status: 200, body: READY });
    answers.set('/livez', { status: 200, body: LIVE });
    answers.set('/apis/metrics.k8s.io/v1beta1/nodes', {
      status: 200,
      body: JSON.stringify({
        items: [
          {
            metadata: { name: 'node-a' },
            usage: { cpu: '500m', memory: '1Gi' },
          },
        ],
      }),
    });
    answers.set('/apis/metrics.k8s.io/v1beta1/pods', {
      status: 200,
      body: JSON.stringify({
        kind: 'PodMetricsList',
        items: [
          {
            metadata: { name: 'web-1', namespace: 'apps' },
            window: '15s',
            containers: [
              { name: 'web', usage: { cpu: '32625758n', memory: '224738Ki' } },
              { name: 'proxy', usage: { cpu: '1m' } },
            ],
          },
          {
            metadata: { name: 'gone-1', namespace: 'apps' },
            containers: [{ name: 'x', usage: { cpu: '1m', memory: '1Mi' } }],
          },
        ],
      }),
    });
  };
  const down = () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), {
      code: 'ECONNREFUSED',
    });
    for (const p of ['/version', '/readyz', '/livez']) answers.set(p, refused);
  };
  healthy();
  return {
    answers,
    requested,
    healthy,
    down,
    api: {
      getText: async (path: string) => answer(path),
      getJson: async <T>(path: string) => JSON.parse(answer(path).body) as T,
    },
  };
}

describe('parseChecks', () => {
  it('reads the named checks of a verbose answer and skips the summary line', () => {
    expect(parseChecks(NOT_READY, 'readyz')).toEqual([
      { name: 'ping', endpoint: 'readyz', ok: true },
      { name: 'etcd', endpoint: 'readyz', ok: false },
      { name: 'informer-sync', endpoint: 'readyz', ok: true },
    ]);
  });

  it('reads a check that ends its line, and nothing from an empty or plain body', () => {
    expect(parseChecks('  [+]ping\r\n', 'livez')).toEqual([
      { name: 'ping', endpoint: 'livez', ok: true },
    ]);
    expect(parseChecks('', 'livez')).toEqual([]);
    expect(parseChecks('ok', 'livez')).toEqual([]);
  });
});

describe('createControlPlanePoller', () => {
  let fake: ReturnType<typeof fakeApi>;
  let onAnswer: jest.Mock;
  let poller: ControlPlanePoller;
  let logger: ReturnType<typeof mockServices.logger.mock>;
  const cachedPods = new Set(['apps/web-1', 'apps/pending-1']);
  const POD_METRICS = '/apis/metrics.k8s.io/v1beta1/pods';
  const NODE_METRICS = '/apis/metrics.k8s.io/v1beta1/nodes';

  beforeEach(() => {
    fake = fakeApi();
    onAnswer = jest.fn();
    logger = mockServices.logger.mock();
    poller = createControlPlanePoller({
      api: fake.api,
      clusterName: 'js2-test',
      logger,
      requestTimeoutMs: 1_000,
      podMetrics: {
        hasPod: (namespace, name) => cachedPods.has(`${namespace}/${name}`),
      },
      onAnswer,
    });
  });

  it('knows nothing before the first poll', () => {
    expect(poller.facts()).toEqual({
      checks: [],
      nodeUsage: new Map(),
      podUsage: new Map(),
    });
  });

  it('records version, readiness, liveness, checks and node usage, and reports the change once', async () => {
    await expect(poller.poll()).resolves.toBe(true);
    const facts = poller.facts();
    expect(facts).toMatchObject({
      version: 'v1.34.4',
      ready: true,
      live: true,
      error: undefined,
      unreachableSince: undefined,
    });
    expect(facts.checks).toHaveLength(5);
    expect(facts.lastHealthyAt).toBeInstanceOf(Date);
    expect([...facts.nodeUsage.keys()]).toEqual(['node-a']);
    expect(onAnswer).toHaveBeenCalledWith(false);

    await expect(poller.poll()).resolves.toBe(false);
  });

  it('reports not ready with the failing check', async () => {
    fake.answers.set('/readyz', { status: 500, body: NOT_READY });
    await poller.poll();
    expect(poller.facts().ready).toBe(false);
    expect(poller.facts().checks).toContainEqual({
      name: 'etcd',
      endpoint: 'readyz',
      ok: false,
    });
  });

  it('records a failure once, keeps the first unreachable time, and says "recovered" when it answers again', async () => {
    await poller.poll();
    fake.down();
    await expect(poller.poll()).resolves.toBe(true);
    const since = poller.facts().unreachableSince;
    expect(poller.facts()).toMatchObject({
      error: { reason: 'unreachable' },
      ready: undefined,
      live: undefined,
      version: 'v1.34.4',
    });
    await expect(poller.poll()).resolves.toBe(false);
    expect(poller.facts().unreachableSince).toBe(since);
    expect(logger.warn).toHaveBeenCalledTimes(1);

    onAnswer.mockClear();
    fake.healthy();
    await expect(poller.poll()).resolves.toBe(true);
    expect(onAnswer).toHaveBeenCalledWith(true);
    expect(poller.facts().error).toBeUndefined();
    expect(poller.facts().unreachableSince).toBeUndefined();
  });

  it('treats a 401 or 403 from the health endpoints as a failure with that reason', async () => {
    fake.answers.set('/readyz', { status: 403, body: 'forbidden' });
    await poller.poll();
    expect(poller.facts().error?.reason).toBe('forbidden');
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it('leaves node usage empty when the cluster serves no metrics, without failing the poll', async () => {
    fake.answers.set('/apis/metrics.k8s.io/v1beta1/nodes', {
      status: 404,
      body: '',
    });
    await poller.poll();
    expect(poller.facts().nodeUsage.size).toBe(0);
    expect(poller.facts().error).toBeUndefined();

    fake.answers.set('/apis/metrics.k8s.io/v1beta1/nodes', new Error('reset'));
    await poller.poll();
    expect(poller.facts().nodeUsage.size).toBe(0);
    expect(poller.facts().error).toBeUndefined();
  });

  it('reads every pod’s usage in one request per poll, keeping only the pods the cache holds', async () => {
    await poller.poll();
    await poller.poll();
    expect(fake.requested.filter(p => p === POD_METRICS)).toHaveLength(2);
    expect(poller.facts().podUsage).toEqual(
      new Map([
        [
          'apps/web-1',
          {
            containers: [
              { name: 'web', cpu: '32625758n', memory: '224738Ki' },
              { name: 'proxy', cpu: '1m' },
            ],
          },
        ],
      ]),
    );
  });

  it('asks for no pod metrics when the cluster serves no node metrics, says so once, and fails nothing', async () => {
    fake.answers.set(NODE_METRICS, { status: 404, body: '' });
    for (let i = 0; i < 3; i++) await poller.poll();
    expect(fake.requested).not.toContain(POD_METRICS);
    expect(poller.facts().podUsage.size).toBe(0);
    expect(poller.facts().error).toBeUndefined();
    expect(logger.info).toHaveBeenCalledTimes(1);
    expect(logger.info.mock.calls[0][0]).toMatch(
      /js2-test serves no resource metrics \(metrics.k8s.io nodes: HTTP 404\)/,
    );
    expect(logger.warn).not.toHaveBeenCalled();
    expect(logger.error).not.toHaveBeenCalled();

    // back, then gone again: no more info lines
    fake.healthy();
    await poller.poll();
    expect(poller.facts().podUsage.size).toBe(1);
    fake.answers.set(NODE_METRICS, { status: 503, body: '' });
    await poller.poll();
    expect(poller.facts().podUsage.size).toBe(0);
    expect(logger.info).toHaveBeenCalledTimes(1);
  });

  it('keeps node usage and no pod usage when only pod metrics are refused or fail', async () => {
    fake.answers.set(POD_METRICS, { status: 403, body: 'forbidden' });
    await poller.poll();
    expect(poller.facts().nodeUsage.size).toBe(1);
    expect(poller.facts().podUsage.size).toBe(0);
    expect(poller.facts().error).toBeUndefined();

    fake.healthy();
    await poller.poll();
    expect(poller.facts().podUsage.size).toBe(1);
    fake.answers.set(POD_METRICS, new Error('socket hang up'));
    await poller.poll();
    expect(poller.facts().podUsage.size).toBe(0);
    expect(poller.facts().error).toBeUndefined();
    expect(logger.info).toHaveBeenCalledTimes(1);
  });

  it('asks for no pod metrics when not told to (skipMetricsLookup)', async () => {
    const without = createControlPlanePoller({
      api: fake.api,
      clusterName: 'js2-skip',
      logger,
      requestTimeoutMs: 1_000,
      onAnswer,
    });
    await without.poll();
    expect(fake.requested).toContain(NODE_METRICS);
    expect(fake.requested).not.toContain(POD_METRICS);
    expect(without.facts().podUsage.size).toBe(0);
    expect(without.facts().nodeUsage.size).toBe(1);
  });

  it('reset forgets version, failure and usage', async () => {
    await poller.poll();
    expect(poller.facts().podUsage.size).toBe(1);
    poller.reset();
    expect(poller.facts().podUsage.size).toBe(0);
    expect(poller.facts()).toMatchObject({
      version: undefined,
      error: undefined,
      lastHealthyAt: undefined,
    });
    expect(poller.facts().nodeUsage.size).toBe(0);
  });
});
