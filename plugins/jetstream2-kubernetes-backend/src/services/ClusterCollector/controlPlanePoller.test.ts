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
  const answer = (path: string) => {
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

  beforeEach(() => {
    fake = fakeApi();
    onAnswer = jest.fn();
    logger = mockServices.logger.mock();
    poller = createControlPlanePoller({
      api: fake.api,
      clusterName: 'js2-test',
      logger,
      requestTimeoutMs: 1_000,
      onAnswer,
    });
  });

  it('knows nothing before the first poll', () => {
    expect(poller.facts()).toEqual({ checks: [], nodeUsage: new Map() });
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

  it('reset forgets version, failure and usage', async () => {
    await poller.poll();
    poller.reset();
    expect(poller.facts()).toMatchObject({
      version: undefined,
      error: undefined,
      lastHealthyAt: undefined,
    });
    expect(poller.facts().nodeUsage.size).toBe(0);
  });
});
