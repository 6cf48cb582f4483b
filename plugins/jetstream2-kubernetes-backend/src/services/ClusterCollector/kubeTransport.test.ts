import {
  startTlsServer,
  type TestHandler,
  type TestTlsServer,
} from '../../__testUtils__/tlsServers';
import { waitFor } from '../../__testUtils__/waitFor';
import type { ClusterDefinition } from '../ClusterLocator/types';
import { classifyClusterError } from './kubeApi';
import { createKubeTransport, KubeTimeoutError } from './kubeTransport';

const TOKEN = 'test-token-value';

const definition = (
  server: TestTlsServer,
  overrides: Partial<ClusterDefinition> = {},
): ClusterDefinition => ({
  name: 'c1',
  url: server.url,
  authProvider: 'serviceAccount',
  serviceAccountToken: TOKEN,
  caData: server.caData,
  skipTLSVerify: false,
  fingerprint: 'fp',
  source: 'config',
  ...overrides,
});

/** Answers /version and /stream (two lines, then the stream stays open until the client leaves). */
const handler =
  (seen: string[]): TestHandler =>
  (req, res) => {
    seen.push(`${req.url} ${req.headers.authorization}`);
    if (req.url === '/never') return;
    if (req.url?.startsWith('/stream')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"n":1}\n');
      res.write('{"n":2}\n');
      return;
    }
    res.writeHead(req.url === '/missing' ? 404 : 200, {
      'content-type': 'application/json',
    });
    res.end(JSON.stringify({ path: req.url }));
  };

describe.each(['h2', 'http/1.1'] as const)(
  'createKubeTransport against a TLS server speaking %s',
  protocol => {
    let server: TestTlsServer;
    const seen: string[] = [];
    beforeAll(async () => {
      server = await startTlsServer(protocol, handler(seen));
    });
    afterAll(() => server.close());
    beforeEach(() => {
      seen.length = 0;
    });

    it('speaks the protocol the server offers, sends the token, and keeps one connection for sequential requests', async () => {
      const t = createKubeTransport(definition(server), {
        connectTimeoutMs: 2000,
      });
      const before = server.connections();
      expect(await t.get('/version', 2000)).toEqual({
        status: 200,
        body: '{"path":"/version"}',
      });
      expect(await t.get('/missing', 2000)).toMatchObject({ status: 404 });
      expect(await t.get('/version', 2000)).toMatchObject({ status: 200 });
      expect(t.protocol()).toBe(protocol);
      expect(server.connections() - before).toBe(1);
      expect(seen).toEqual([
        `/version Bearer ${TOKEN}`,
        `/missing Bearer ${TOKEN}`,
        `/version Bearer ${TOKEN}`,
      ]);
      t.close();
    });

    it('streams an answer chunk by chunk until aborted', async () => {
      const t = createKubeTransport(definition(server), {
        connectTimeoutMs: 2000,
      });
      let text = '';
      let status = 0;
      let ended: Error | undefined | null = null;
      const handle = t.stream('/stream', {
        onResponse: s => {
          status = s;
        },
        onData: c => {
          text += c.toString();
        },
        onEnd: err => {
          ended = err;
        },
      });
      await waitFor(
        'both lines',
        () => text,
        v => v.split('\n').length === 3,
      );
      expect(status).toBe(200);
      expect(ended).toBeNull();
      handle.abort();
      expect((ended as unknown as Error)?.name).toBe('AbortError');
      t.close();
    });

    it('times out a request that gets no answer', async () => {
      const t = createKubeTransport(definition(server), {
        connectTimeoutMs: 2000,
      });
      const err = await t.get('/never', 150).catch(e => e);
      expect(err).toBeInstanceOf(KubeTimeoutError);
      t.close();
    });

    it('opens a new connection after the server dropped the last one', async () => {
      const t = createKubeTransport(definition(server), {
        connectTimeoutMs: 2000,
      });
      await t.get('/version', 2000);
      const before = server.connections();
      server.dropConnections();
      await waitFor(
        'a request over a new connection',
        () => t.get('/version', 2000).catch(() => undefined),
        r => r?.status === 200,
        { timeoutMs: 5000 },
      );
      expect(server.connections()).toBeGreaterThan(before);
      t.close();
    });

    it('refuses a certificate the cluster definition does not trust, unless told to skip the check', async () => {
      const untrusted = createKubeTransport(
        definition(server, { caData: undefined }),
        { connectTimeoutMs: 2000 },
      );
      const err = await untrusted.get('/version', 2000).catch(e => e);
      expect(classifyClusterError(err, 'c1').reason).toBe('tls');
      const skipping = createKubeTransport(
        definition(server, { caData: undefined, skipTLSVerify: true }),
        { connectTimeoutMs: 2000 },
      );
      expect(await skipping.get('/version', 2000)).toMatchObject({
        status: 200,
      });
      untrusted.close();
      skipping.close();
    });
  },
);
