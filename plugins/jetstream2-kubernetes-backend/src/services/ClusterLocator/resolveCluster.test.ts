import type { ClusterSpec } from './clusterSpec';
import { filesOf, resolveSpec, type FileRead } from './resolveCluster';

const key = Buffer.alloc(32, 7);

const spec = (extra: Partial<ClusterSpec> = {}): ClusterSpec => ({
  where: 'test entry',
  source: 'config',
  name: 'c',
  url: 'https://c.example.org:6443',
  authProvider: 'serviceAccount',
  serviceAccountToken: 'tok',
  caData: 'Q0E=',
  skipTLSVerify: false,
  ...extra,
});

function resolved(s: ClusterSpec, files = new Map<string, FileRead>()) {
  const result = resolveSpec(s, files, key);
  if ('problem' in result) throw new Error(result.problem);
  return result.cluster;
}

function problemOf(s: ClusterSpec, files = new Map<string, FileRead>()) {
  const result = resolveSpec(s, files, key);
  if (!('problem' in result)) throw new Error(`"${s.name}" was resolved`);
  return result.problem;
}

describe('resolveSpec', () => {
  it("returns the cluster with a fingerprint and without the entry's location", () => {
    const cluster = resolved(
      spec({ title: 'C', dashboardUrl: 'https://dash' }),
    );
    expect(cluster).toEqual({
      source: 'config',
      name: 'c',
      title: 'C',
      url: 'https://c.example.org:6443',
      authProvider: 'serviceAccount',
      serviceAccountToken: 'tok',
      caData: 'Q0E=',
      skipTLSVerify: false,
      dashboardUrl: 'https://dash',
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(cluster).not.toHaveProperty('where');
    expect(cluster.fingerprint).not.toContain('tok');
  });

  it('takes the token (trimmed) and the CA from the files it names', () => {
    const withFiles = spec({
      serviceAccountToken: undefined,
      serviceAccountTokenFile: '/run/token',
      caData: undefined,
      caFile: '/run/ca.crt',
    });
    expect(filesOf(withFiles)).toEqual(['/run/token', '/run/ca.crt']);
    const cluster = resolved(
      withFiles,
      new Map([
        ['/run/token', { content: '  file-token\n' }],
        ['/run/ca.crt', { content: 'CA' }],
      ]),
    );
    expect(cluster).toMatchObject({
      serviceAccountToken: 'file-token',
      caFile: '/run/ca.crt',
    });
    expect(cluster).not.toHaveProperty('serviceAccountTokenFile');
    expect(cluster.caData).toBeUndefined();
    expect(filesOf(spec())).toEqual([]);
  });

  it('changes the fingerprint with everything that affects the connection, and with nothing else', () => {
    const caFile = '/run/ca.crt';
    const fingerprint = (
      extra: Partial<ClusterSpec>,
      caContent = 'CA ONE',
      withKey = key,
    ) => {
      const result = resolveSpec(
        spec(extra),
        new Map([[caFile, { content: caContent }]]),
        withKey,
      );
      if ('problem' in result) throw new Error(result.problem);
      return result.cluster.fingerprint;
    };

    const base = fingerprint({});
    expect(fingerprint({})).toBe(base);
    // displayed fields only
    expect(
      fingerprint({
        title: 'Other title',
        dashboardUrl: 'https://dash',
        dashboardApp: 'standard',
        dashboardParameters: { project: 'p' },
        skipMetricsLookup: true,
        where: 'elsewhere',
      }),
    ).toBe(base);

    const changed = [
      fingerprint({ url: 'https://other.example.org:6443' }),
      fingerprint({ authProvider: 'oidc' }),
      fingerprint({ skipTLSVerify: true }),
      fingerprint({ serviceAccountToken: 'rotated' }),
      fingerprint({ serviceAccountToken: undefined }),
      fingerprint({ caData: 'Q0FUV08=' }),
      fingerprint({ caFile }),
      fingerprint({ caFile }, 'CA TWO'),
      // another process (another key) cannot compare fingerprints with this one
      fingerprint({}, 'CA ONE', Buffer.alloc(32, 8)),
    ];
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });

  it('refuses a cluster whose token file could not be read, or is empty, saying it is read again', () => {
    const tokenFile = spec({ serviceAccountTokenFile: '/run/token' });
    expect(
      problemOf(tokenFile, new Map([['/run/token', { error: 'ENOENT' }]])),
    ).toBe(
      'Cluster "c" (test entry) refused: cannot read its serviceAccountTokenFile (ENOENT); it is read again when the file changes',
    );
    expect(problemOf(tokenFile)).toContain(
      'cannot read its serviceAccountTokenFile (not read yet)',
    );
    expect(
      problemOf(tokenFile, new Map([['/run/token', { content: ' \n' }]])),
    ).toBe(
      'Cluster "c" (test entry) refused: its serviceAccountTokenFile is empty; it is read again when the file changes',
    );
  });

  it('refuses a cluster whose CA file could not be read', () => {
    expect(
      problemOf(
        spec({ caFile: '/run/no-ca.crt' }),
        new Map([['/run/no-ca.crt', { error: 'EACCES' }]]),
      ),
    ).toBe(
      'Cluster "c" (test entry) refused: cannot read its caFile (EACCES); it is read again when the file changes',
    );
  });
});
