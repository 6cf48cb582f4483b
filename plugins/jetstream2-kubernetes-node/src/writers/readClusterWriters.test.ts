import { ConfigReader } from '@backstage/config';
import { readClusterWriters } from './readClusterWriters';

const upstream = {
  name: 'js2-demo',
  url: 'https://127.0.0.1:6443',
  authProvider: 'serviceAccount',
  serviceAccountToken: 'read-only-token',
  caFile: '/state/ca.crt',
};

function read(writers: unknown, clusters: object[] = [upstream]) {
  return readClusterWriters(
    new ConfigReader({
      kubernetes: {
        clusterLocatorMethods: [
          { type: 'catalog' },
          { type: 'config', clusters },
        ],
      },
      jetstream2Kubernetes: { writers },
    } as any),
  );
}

/** The message of the error `fn` throws (fails the test when it throws none). */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error, got none');
}

describe('readClusterWriters', () => {
  it('reads no writer when the key is absent: no cluster may be written to', () => {
    expect(readClusterWriters(new ConfigReader({}))).toEqual([]);
    expect(
      readClusterWriters(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [{ type: 'config', clusters: [upstream] }],
          },
        }),
      ),
    ).toEqual([]);
  });

  it('joins a writer with its upstream cluster entry for the address and CA', () => {
    expect(
      read([
        {
          cluster: 'js2-demo',
          serviceAccountToken: ' deployer-token\n',
          namespaces: ['science', 'apps', 'science'],
        },
      ]),
    ).toEqual([
      {
        cluster: 'js2-demo',
        url: 'https://127.0.0.1:6443',
        caData: undefined,
        caFile: '/state/ca.crt',
        skipTLSVerify: false,
        token: { type: 'value', token: 'deployer-token' },
        namespaces: ['apps', 'science'],
        where: 'jetstream2Kubernetes.writers[0] ("js2-demo")',
      },
    ]);
  });

  it('takes a token file by path, without reading it', () => {
    const [writer] = read([
      {
        cluster: 'js2-demo',
        serviceAccountTokenFile: '/no/such/dir/deployer.token',
        namespaces: ['apps'],
      },
    ]);
    expect(writer.token).toEqual({
      type: 'file',
      path: '/no/such/dir/deployer.token',
    });
  });

  it('refuses a cluster that is not a config entry, naming the key', () => {
    const message = errorOf(() =>
      read([
        {
          cluster: 'from-the-catalog',
          serviceAccountToken: 't',
          namespaces: ['apps'],
        },
      ]),
    );
    expect(message).toContain(
      'jetstream2Kubernetes.writers[0].cluster: no cluster named "from-the-catalog" in kubernetes.clusterLocatorMethods (type: config)',
    );
    expect(message).toContain('never one from the catalog');
  });

  it("refuses the collector's read-only token or token file", () => {
    expect(
      errorOf(() =>
        read([
          {
            cluster: 'js2-demo',
            serviceAccountToken: 'read-only-token',
            namespaces: ['apps'],
          },
        ]),
      ),
    ).toContain(
      'jetstream2Kubernetes.writers[0] ("js2-demo").serviceAccountToken is the read-only token of kubernetes.clusterLocatorMethods[1].clusters[0]',
    );
    expect(
      errorOf(() =>
        read(
          [
            {
              cluster: 'js2-demo',
              serviceAccountTokenFile: '/state/backstage.token',
              namespaces: ['apps'],
            },
          ],
          [
            {
              ...upstream,
              serviceAccountToken: undefined,
              serviceAccountTokenFile: '/state/backstage.token',
            },
          ],
        ),
      ),
    ).toContain('.serviceAccountTokenFile is the read-only token');
  });

  it('needs exactly one token source', () => {
    expect(
      errorOf(() => read([{ cluster: 'js2-demo', namespaces: ['apps'] }])),
    ).toContain(
      'jetstream2Kubernetes.writers[0] ("js2-demo") has neither serviceAccountToken nor serviceAccountTokenFile',
    );
    expect(
      errorOf(() =>
        read([
          {
            cluster: 'js2-demo',
            serviceAccountToken: 'a',
            serviceAccountTokenFile: '/b',
            namespaces: ['apps'],
          },
        ]),
      ),
    ).toContain('sets both serviceAccountToken and serviceAccountTokenFile');
  });

  it.each([
    [undefined, 'namespaces is missing'],
    [[], 'namespaces is empty'],
    [['Apps'], '"Apps" is not a DNS label'],
    [['-apps'], '"-apps" is not a DNS label'],
    [['a'.repeat(64)], 'is not a DNS label'],
    [['kube-system'], '"kube-system" belongs to Kubernetes itself'],
    [['apps', 'kube-public'], '"kube-public" belongs to Kubernetes itself'],
  ])('refuses the namespaces %j', (namespaces, expected) => {
    const message = errorOf(() =>
      read([{ cluster: 'js2-demo', serviceAccountToken: 't', namespaces }]),
    );
    expect(message).toContain(
      'jetstream2Kubernetes.writers[0] ("js2-demo").namespaces',
    );
    expect(message).toContain(expected);
  });

  it('says in words what a namespace name may hold, never a pattern', () => {
    const message = errorOf(() =>
      read([
        { cluster: 'js2-demo', serviceAccountToken: 't', namespaces: ['A_b'] },
      ]),
    );
    const explanation = message.slice(message.indexOf('"A_b" is not'));
    expect(explanation).toContain("lower-case letters, digits and '-'");
    expect(explanation).not.toMatch(/[\^$\\[\]*+?]/);
  });

  it('refuses a cluster listed twice and an entry without a cluster', () => {
    const message = errorOf(() =>
      read([
        { cluster: 'js2-demo', serviceAccountToken: 't', namespaces: ['a'] },
        { serviceAccountToken: 't', namespaces: ['a'] },
        { cluster: 'js2-demo', serviceAccountToken: 't', namespaces: ['b'] },
      ]),
    );
    // one error lists every bad entry
    expect(message).toContain(
      'jetstream2Kubernetes.writers[1].cluster is missing',
    );
    expect(message).toContain(
      'jetstream2Kubernetes.writers[2] repeats cluster "js2-demo" of jetstream2Kubernetes.writers[0] ("js2-demo")',
    );
  });

  it('refuses an upstream entry without a url (an unset environment variable)', () => {
    expect(
      errorOf(() =>
        read(
          [
            {
              cluster: 'js2-demo',
              serviceAccountToken: 't',
              namespaces: ['a'],
            },
          ],
          [{ ...upstream, url: undefined }],
        ),
      ),
    ).toContain(
      'jetstream2Kubernetes.writers[0] ("js2-demo"): kubernetes.clusterLocatorMethods[1].clusters[0] has no url',
    );
  });

  it('names the key of a value of the wrong type', () => {
    expect(
      errorOf(() =>
        read([
          { cluster: 'js2-demo', serviceAccountToken: 't', namespaces: 'apps' },
        ]),
      ),
    ).toContain('jetstream2Kubernetes.writers[0].namespaces');
  });

  it('never puts a token into its messages', () => {
    const message = errorOf(() =>
      read([
        {
          cluster: 'js2-demo',
          serviceAccountToken: 'secret-deployer-token',
          namespaces: ['kube-system'],
        },
      ]),
    );
    expect(message).not.toContain('secret-deployer-token');
  });
});
