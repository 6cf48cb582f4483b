import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClusterDefinition } from '../ClusterLocator/types';
import {
  classifyClusterError,
  createKubeApi,
  KubeHttpError,
  KubeTimeoutError,
} from './kubeApi';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.c2VjcmV0LXRva2VuLXZhbHVl.sig';

const withCode = (message: string, code: string) =>
  Object.assign(new Error(message), { code });

describe('classifyClusterError', () => {
  it.each([
    [new KubeHttpError(401, '/api/v1/pods', 'Unauthorized'), 'unauthorized'],
    // The watch's error from @kubernetes/client-node: a plain Error with statusCode.
    [
      Object.assign(new Error('Unauthorized'), { statusCode: 401 }),
      'unauthorized',
    ],
    [new KubeHttpError(403, '/api/v1/pods', 'forbidden'), 'forbidden'],
    [Object.assign(new Error('Forbidden'), { statusCode: 403 }), 'forbidden'],
  ])('%s → %s, pointing at the credentials guide', (err, reason) => {
    const e = classifyClusterError(err, 'js2-demo');
    expect(e.reason).toBe(reason);
    expect(e.guideId).toBe('zonca-credentials');
    expect(e.message).toContain('js2-demo');
    expect(e.message).toContain(
      `HTTP ${reason === 'unauthorized' ? 401 : 403}`,
    );
  });

  it.each([500, 502, 503])(
    'HTTP %s is an internal problem of the API server',
    status => {
      for (const err of [
        new KubeHttpError(status, '/api/v1/pods', '<html>oops</html>'),
        Object.assign(new Error('Service Unavailable'), { statusCode: status }),
      ]) {
        const e = classifyClusterError(err, 'js2-demo');
        expect(e.reason).toBe('unknown');
        expect(e.message).toBe(
          `Cluster js2-demo answered HTTP ${status}; the API server reports an internal problem.`,
        );
      }
    },
  );

  it.each([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'CERT_HAS_EXPIRED',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER',
  ])('%s is a TLS problem naming the code and the fix', code => {
    const e = classifyClusterError(
      withCode('request failed', code),
      'js2-demo',
    );
    expect(e.reason).toBe('tls');
    expect(e.message).toContain(`(${code})`);
    expect(e.message).toContain('caData/caFile');
  });

  it('reads the code of a wrapped cause (fetch failed)', () => {
    const err = new TypeError('fetch failed', {
      cause: withCode('x', 'DEPTH_ZERO_SELF_SIGNED_CERT'),
    });
    expect(classifyClusterError(err, 'c').reason).toBe('tls');
    const refused = new TypeError('fetch failed', {
      cause: withCode('connect ECONNREFUSED 10.0.0.1:6443', 'ECONNREFUSED'),
    });
    expect(classifyClusterError(refused, 'c').reason).toBe('unreachable');
  });

  it.each([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EHOSTUNREACH',
    'ECONNRESET',
    'EAI_AGAIN',
  ])('%s means unreachable', code => {
    const e = classifyClusterError(
      withCode(`connect ${code}`, code),
      'js2-demo',
    );
    expect(e.reason).toBe('unreachable');
    expect(e.message).toContain(`(${code})`);
  });

  it.each([
    ['KubeTimeoutError', new KubeTimeoutError('/version', 5000)],
    ['ETIMEDOUT', withCode('connect ETIMEDOUT', 'ETIMEDOUT')],
    ['ESOCKETTIMEDOUT', withCode('socket hang', 'ESOCKETTIMEDOUT')],
    ['AbortError', Object.assign(new Error('aborted'), { name: 'AbortError' })],
  ])('%s is a timeout', (_name, err) => {
    expect(classifyClusterError(err, 'js2-demo')).toEqual({
      reason: 'timeout',
      message:
        'Cluster js2-demo did not answer in time. The API server may be overloaded or the network path blocked.',
    });
  });

  it('keeps the message of anything else, shortened, and copes with non-errors', () => {
    const e = classifyClusterError(new Error('x'.repeat(500)), 'c');
    expect(e.reason).toBe('unknown');
    expect(e.message.length).toBeLessThan(260);
    expect(classifyClusterError('boom', 'c').message).toContain('boom');
    expect(classifyClusterError(undefined, 'c').reason).toBe('unknown');
  });

  it('never puts the token of a classified error into the message', () => {
    const errors = [
      new KubeHttpError(401, '/api/v1/pods', `token ${TOKEN} rejected`),
      new KubeHttpError(500, '/api/v1/pods', `Bearer ${TOKEN}`),
      withCode(`TLS failed for Bearer ${TOKEN}`, 'CERT_HAS_EXPIRED'),
      withCode(`connect ECONNREFUSED (Bearer ${TOKEN})`, 'ECONNREFUSED'),
      new KubeTimeoutError('/version', 1000),
    ];
    for (const err of errors) {
      expect(JSON.stringify(classifyClusterError(err, 'c'))).not.toContain(
        TOKEN,
      );
    }
  });

  // An unclassified error's message is copied into the ClusterError (logged, sent to browsers): scrubbed.
  it('never shows a token carried in an unclassified error message', () => {
    const err = new Error(
      `request to https://k8s:6443/api failed, headers {"Authorization":"Bearer ${TOKEN}"}`,
    );
    expect(classifyClusterError(err, 'c').message).not.toContain(TOKEN);
  });

  // A KubeHttpError came over a working TLS connection: a path naming certificates is no TLS error.
  it('reads a 503 on a certificates.k8s.io path as HTTP 503, not TLS', () => {
    const err = new KubeHttpError(
      503,
      '/apis/certificates.k8s.io/v1/certificatesigningrequests',
      '',
    );
    expect(classifyClusterError(err, 'c').reason).toBe('unknown');
  });
});

describe('createKubeApi errors, classified', () => {
  const cluster = (url: string): ClusterDefinition => ({
    name: 'js2-local',
    url,
    authProvider: 'serviceAccount',
    serviceAccountToken: TOKEN,
    skipTLSVerify: true,
    fingerprint: 'fp',
    source: 'config',
  });

  async function serve(handler: http.RequestListener) {
    const server = http.createServer(handler);
    await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
      url,
      close: () =>
        new Promise<void>(r => {
          server.closeAllConnections();
          server.close(() => r());
        }),
    };
  }

  it('a 401 answer sent with the bearer token is unauthorized, without the token', async () => {
    const seen: string[] = [];
    const server = await serve((req, res) => {
      seen.push(String(req.headers.authorization));
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(`{"kind":"Status","code":401,"message":"${TOKEN} is invalid"}`);
    });
    try {
      const api = createKubeApi(cluster(server.url));
      const err = await api.getJson('/version', 2000).catch(e => e);
      expect(err).toBeInstanceOf(KubeHttpError);
      expect(seen).toEqual([`Bearer ${TOKEN}`]);
      const e = classifyClusterError(err, 'js2-local');
      expect(e.reason).toBe('unauthorized');
      expect(JSON.stringify(e)).not.toContain(TOKEN);
    } finally {
      await server.close();
    }
  });

  it('a server that does not answer is a timeout', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    try {
      const api = createKubeApi(cluster(server.url));
      const err = await api.getText('/version', 100).catch(e => e);
      expect(err).toBeInstanceOf(KubeTimeoutError);
      expect(classifyClusterError(err, 'js2-local').reason).toBe('timeout');
    } finally {
      await server.close();
    }
  });

  it('a closed port is unreachable', async () => {
    const server = await serve(() => {});
    await server.close();
    const api = createKubeApi(cluster(server.url));
    const err = await api.getText('/version', 2000).catch(e => e);
    expect(err.code).toBe('ECONNREFUSED');
    expect(classifyClusterError(err, 'js2-local')).toMatchObject({
      reason: 'unreachable',
    });
  });
});
