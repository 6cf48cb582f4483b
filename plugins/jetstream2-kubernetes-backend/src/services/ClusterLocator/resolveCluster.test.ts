import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ClusterSpec } from './clusterSpec';
import { createResolver, fileStamp, type Resolver } from './resolveCluster';
import { useTempDir } from '../../__testUtils__/locator';

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

async function resolved(
  resolver: Resolver,
  s: ClusterSpec,
  files = new Map<string, string>(),
) {
  const result = await resolver.resolve(s, files);
  if ('problem' in result) throw new Error(result.problem);
  return result.cluster;
}

async function problemOf(
  resolver: Resolver,
  s: ClusterSpec,
  files = new Map<string, string>(),
) {
  const result = await resolver.resolve(s, files);
  if (!('problem' in result)) throw new Error(`"${s.name}" was resolved`);
  return result.problem;
}

describe('createResolver', () => {
  const temp = useTempDir();

  it("returns the cluster with a fingerprint and without the entry's location", async () => {
    const files = new Map<string, string>();
    const cluster = await resolved(
      createResolver(),
      spec({ title: 'C', dashboardUrl: 'https://dash' }),
      files,
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
    expect(files.size).toBe(0);
  });

  it('reads the token file (trimmed) and the CA file, and records the stamp of each', async () => {
    const tokenFile = await temp.write('token', '  file-token\n');
    const caFile = await temp.write('ca.crt', 'CA');
    const files = new Map<string, string>();
    const cluster = await resolved(
      createResolver(),
      spec({
        serviceAccountToken: undefined,
        serviceAccountTokenFile: tokenFile,
        caData: undefined,
        caFile,
      }),
      files,
    );
    expect(cluster).toMatchObject({
      serviceAccountToken: 'file-token',
      caFile,
    });
    expect(cluster).not.toHaveProperty('serviceAccountTokenFile');
    expect(cluster.caData).toBeUndefined();
    expect([...files.keys()]).toEqual([tokenFile, caFile]);
    expect(files.get(tokenFile)).toBe(await fileStamp(tokenFile));
    expect(files.get(caFile)).toBe(await fileStamp(caFile));
  });

  it('changes the fingerprint with everything that affects the connection, and with nothing else', async () => {
    const caFile = await temp.write('ca.crt', 'CA ONE');
    const resolver = createResolver();
    const fingerprint = async (extra: Partial<ClusterSpec>) =>
      (await resolved(resolver, spec(extra))).fingerprint;

    const base = await fingerprint({});
    expect(await fingerprint({})).toBe(base);
    // displayed fields only
    expect(
      await fingerprint({
        title: 'Other title',
        dashboardUrl: 'https://dash',
        dashboardApp: 'standard',
        dashboardParameters: { project: 'p' },
        skipMetricsLookup: true,
        where: 'elsewhere',
      }),
    ).toBe(base);

    const changed = [
      await fingerprint({ url: 'https://other.example.org:6443' }),
      await fingerprint({ authProvider: 'oidc' }),
      await fingerprint({ skipTLSVerify: true }),
      await fingerprint({ serviceAccountToken: 'rotated' }),
      await fingerprint({ serviceAccountToken: undefined }),
      await fingerprint({ caData: 'Q0FUV08=' }),
      await fingerprint({ caFile }),
    ];
    await temp.write('ca.crt', 'CA TWO');
    changed.push(await fingerprint({ caFile }));
    expect(new Set([base, ...changed]).size).toBe(changed.length + 1);
  });

  it('refuses a cluster whose token file is missing, unreadable or empty, and records its stamp so a change is noticed', async () => {
    const resolver = createResolver();
    const missing = await temp.path('not-yet');
    const files = new Map<string, string>();
    expect(
      await problemOf(
        resolver,
        spec({ serviceAccountTokenFile: missing }),
        files,
      ),
    ).toBe(
      'Cluster "c" (test entry) refused: cannot read its serviceAccountTokenFile (ENOENT); it is read again when the file changes',
    );
    expect(files.get(missing)).toBe('missing:ENOENT');

    const directory = path.dirname(missing);
    expect(
      await problemOf(resolver, spec({ serviceAccountTokenFile: directory })),
    ).toContain('cannot read its serviceAccountTokenFile (EISDIR)');

    const empty = await temp.write('empty', ' \n');
    const emptyFiles = new Map<string, string>();
    expect(
      await problemOf(
        resolver,
        spec({ serviceAccountTokenFile: empty }),
        emptyFiles,
      ),
    ).toBe(
      'Cluster "c" (test entry) refused: its serviceAccountTokenFile is empty; it is read again when the file changes',
    );
    expect(emptyFiles.get(empty)).toBe(await fileStamp(empty));
  });

  it('refuses a cluster whose CA file cannot be read, and records its stamp', async () => {
    const missing = await temp.path('no-ca.crt');
    const files = new Map<string, string>();
    expect(
      await problemOf(createResolver(), spec({ caFile: missing }), files),
    ).toBe(
      'Cluster "c" (test entry) refused: cannot read its caFile (ENOENT); it is read again when the file changes',
    );
    expect(files.get(missing)).toBe('missing:ENOENT');
  });
});

describe('fileStamp', () => {
  const temp = useTempDir();

  it('changes when a file is rewritten, replaced or removed, and only then', async () => {
    const file = await temp.write('token', 'one');
    const first = await fileStamp(file);
    expect(await fileStamp(file)).toBe(first);

    await fs.writeFile(file, 'two, longer');
    const rewritten = await fileStamp(file);
    expect(rewritten).not.toBe(first);

    // replaced by a rename, as editors and secret updates do
    const next = await temp.write('token.next', 'two, longer');
    await fs.rename(next, file);
    expect(await fileStamp(file)).not.toBe(rewritten);

    await fs.rm(file);
    expect(await fileStamp(file)).toBe('missing:ENOENT');
  });

  it("follows symlinks, so a Kubernetes secret volume's ..data swap is noticed with the same content", async () => {
    // The layout of a mounted secret: token -> ..data/token, ..data -> a timestamped directory.
    const v1 = await temp.path('v1');
    const v2 = await temp.path('v2');
    const dir = path.dirname(v1);
    for (const version of [v1, v2]) {
      await fs.mkdir(version);
      await fs.writeFile(path.join(version, 'token'), 'same');
    }
    await fs.symlink('v1', path.join(dir, '..data'));
    const token = path.join(dir, 'token');
    await fs.symlink(path.join('..data', 'token'), token);
    const before = await fileStamp(token);

    await fs.symlink('v2', path.join(dir, '..data_tmp'));
    await fs.rename(path.join(dir, '..data_tmp'), path.join(dir, '..data'));
    expect(await fs.readFile(token, 'utf8')).toBe('same');
    expect(await fileStamp(token)).not.toBe(before);
  });
});
