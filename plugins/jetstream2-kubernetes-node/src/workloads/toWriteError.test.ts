import { ApiException } from '@kubernetes/client-node';
import { toWriteError } from './toWriteError';

const where = {
  cluster: 'js2-demo',
  url: 'https://127.0.0.1:6443',
  object: 'Deployment apps/hello',
};
const status = (code: number, message: string) =>
  new ApiException(
    code,
    'Unsuccessful HTTP Request',
    JSON.stringify({ kind: 'Status', status: 'Failure', message, code }),
    {},
  );

describe('toWriteError', () => {
  it("keeps the API server's own message for a rejected object (422)", () => {
    const error = toWriteError(
      status(
        422,
        'Deployment.apps "hello" is invalid: spec.template.spec.containers[0].image: Required value',
      ),
      where,
    );
    expect(error.reason).toBe('invalid');
    expect(error.cluster).toBe('js2-demo');
    expect(error.message).toBe(
      'Cluster "js2-demo" rejected Deployment apps/hello: Deployment.apps "hello" is invalid: spec.template.spec.containers[0].image: Required value',
    );
  });

  it('says how a namespace is granted when RBAC refuses (403)', () => {
    const error = toWriteError(
      status(
        403,
        'deployments.apps "hello" is forbidden: User "system:serviceaccount:backstage-system:backstage-deployer" cannot patch resource "deployments"',
      ),
      where,
    );
    expect(error.reason).toBe('forbidden');
    expect(error.message).toContain('cannot patch resource "deployments"');
    expect(error.message).toContain(
      'kubectl -n <namespace> apply -k deploy/cluster-access/deployer/namespace',
    );
  });

  it.each([
    [401, 'unauthorized'],
    [409, 'conflict'],
    [400, 'invalid'],
    [404, 'not-found'],
    [500, 'server-error'],
  ] as const)('maps HTTP %i to %s', (code, reason) => {
    expect(toWriteError(status(code, 'x'), where).reason).toBe(reason);
  });

  it('names the kind a cluster does not serve', () => {
    const discovery = new ApiException(
      404,
      'Failed to fetch resource metadata for example.com/v1/Widget: HTTP-Code: 404',
      '404 page not found\n',
      {},
    );
    const error = toWriteError(discovery, where);
    expect(error.reason).toBe('unknown-kind');
    expect(error.message).toContain('does not serve example.com/v1/Widget');
    expect(
      toWriteError(
        new Error('Unrecognized API version and kind: apps/v1 Widget'),
        where,
      ).message,
    ).toBe(
      'Cluster "js2-demo" does not serve apps/v1 Widget (check the manifest\'s apiVersion and kind).',
    );
  });

  it('reports refused connections, unknown hosts, TLS failures and time-outs as unreachable', () => {
    const refused = Object.assign(
      new Error(
        'Failed to fetch resource metadata for apps/v1/Deployment: request to https://127.0.0.1:1/apis/apps/v1 failed, reason: connect ECONNREFUSED 127.0.0.1:1',
      ),
      { code: 'ECONNREFUSED' },
    );
    const error = toWriteError(refused, where);
    expect(error.reason).toBe('unreachable');
    expect(error.message).toBe(
      'Cannot reach cluster "js2-demo" at https://127.0.0.1:6443 for Deployment apps/hello: request to https://127.0.0.1:1/apis/apps/v1 failed, reason: connect ECONNREFUSED 127.0.0.1:1',
    );
    const tls = new Error('request failed', {
      cause: Object.assign(new Error('self-signed certificate'), {
        code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      }),
    });
    expect(toWriteError(tls, where).reason).toBe('unreachable');
    expect(
      toWriteError(
        Object.assign(new Error('no answer within 20 s (apply)'), {
          code: 'ETIMEDOUT',
        }),
        where,
      ).message,
    ).toBe(
      'Cannot reach cluster "js2-demo" at https://127.0.0.1:6443 for Deployment apps/hello: no answer within 20 s (apply)',
    );
  });

  it('keeps anything else as a server error with its message', () => {
    const error = toWriteError(new Error('something odd'), where);
    expect(error.reason).toBe('server-error');
    expect(error.message).toBe(
      'Writing to cluster "js2-demo" for Deployment apps/hello failed: something odd',
    );
  });
});
