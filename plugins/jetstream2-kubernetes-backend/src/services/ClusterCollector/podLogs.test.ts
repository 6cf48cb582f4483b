import { podLogPath } from './podLogs';

describe('podLogPath', () => {
  it('reads at most 512 KiB of the current container log by default', () => {
    expect(podLogPath({ namespace: 'default', pod: 'web-1' })).toBe(
      '/api/v1/namespaces/default/pods/web-1/log?limitBytes=524288',
    );
  });

  it('passes container, previous, tailLines, timestamps and limitBytes', () => {
    const path = podLogPath({
      namespace: 'science',
      pod: 'trainer-0',
      container: 'main',
      previous: true,
      tailLines: 0,
      timestamps: true,
      limitBytes: 1024,
    });
    const [base, query] = path.split('?');
    expect(base).toBe('/api/v1/namespaces/science/pods/trainer-0/log');
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      container: 'main',
      previous: 'true',
      tailLines: '0',
      timestamps: 'true',
      limitBytes: '1024',
    });
  });

  it('encodes the namespace and pod so they cannot change the path', () => {
    expect(podLogPath({ namespace: 'a/b', pod: '../x?y' })).toBe(
      '/api/v1/namespaces/a%2Fb/pods/..%2Fx%3Fy/log?limitBytes=524288',
    );
  });
});
