import type { ClusterWriter } from '../writers/types';
import { checkNamespace, placeObjects, writerFor } from './checkRequest';
import type { KubernetesManifest } from './types';
import { WriteError } from './WriteError';

const writer: ClusterWriter = {
  cluster: 'js2-demo',
  url: 'https://127.0.0.1:6443',
  skipTLSVerify: false,
  token: { type: 'value', token: 'deployer' },
  namespaces: ['apps', 'science'],
  where: 'jetstream2Kubernetes.writers[0] ("js2-demo")',
};

function thrown(fn: () => unknown): WriteError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WriteError) return error;
    throw error;
  }
  throw new Error('expected a WriteError, got none');
}

const deployment = (metadata: Partial<KubernetesManifest['metadata']>) =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
  } as KubernetesManifest);

describe('the checks before any call to a cluster', () => {
  it('finds the writer of a cluster, or names the clusters that may be written to', () => {
    expect(writerFor([writer], 'js2-demo')).toBe(writer);
    const error = thrown(() => writerFor([writer], 'gpu-lab'));
    expect(error.reason).toBe('unknown-cluster');
    expect(error.message).toContain(
      'no deployer credential for cluster "gpu-lab"',
    );
    expect(error.message).toContain('Clusters it may write to: "js2-demo".');
    expect(thrown(() => writerFor([], 'x')).message).toContain(
      'It may write to none.',
    );
  });

  it("refuses a namespace outside the writer's list, naming the allowed ones", () => {
    expect(() => checkNamespace(writer, 'apps')).not.toThrow();
    const error = thrown(() => checkNamespace(writer, 'kube-system'));
    expect(error.reason).toBe('namespace-not-allowed');
    expect(error.message).toBe(
      'The portal may not write to namespace "kube-system" of cluster "js2-demo"; it may write to "apps", "science" (jetstream2Kubernetes.writers[0] ("js2-demo")).',
    );
  });

  it('puts objects without a namespace into the one of the request', () => {
    expect(
      placeObjects('js2-demo', 'apps', [
        deployment({ name: 'a' }),
        deployment({ name: 'b', namespace: 'apps' }),
      ]).map(o => o.metadata.namespace),
    ).toEqual(['apps', 'apps']);
  });

  it('refuses an object of another namespace instead of moving it', () => {
    const error = thrown(() =>
      placeObjects('js2-demo', 'apps', [
        deployment({ name: 'a', namespace: 'binder' }),
      ]),
    );
    expect(error.reason).toBe('bad-manifest');
    expect(error.message).toBe(
      'Deployment binder/a names namespace "binder", but this apply writes only to "apps": remove metadata.namespace or make it "apps".',
    );
  });

  it('refuses nothing to apply, and objects without kind or name', () => {
    expect(thrown(() => placeObjects('js2-demo', 'apps', [])).message).toBe(
      'There is nothing to apply: no Kubernetes object was given.',
    );
    expect(
      thrown(() =>
        placeObjects('js2-demo', 'apps', [
          { metadata: {} } as unknown as KubernetesManifest,
        ]),
      ).message,
    ).toBe(
      'Object 1 (object (no name)) has no apiVersion, has no kind, has no metadata.name.',
    );
  });
});
