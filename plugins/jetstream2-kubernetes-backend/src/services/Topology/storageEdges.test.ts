import { claim, ID_LABEL, pod, storageClass } from './__fixtures__/kubeObjects';
import { clusterInput, edgesOf, nodeNamed } from './__fixtures__/topologyInput';
import { addStorageEdges, claimsOfPod } from './storageEdges';

const id = { [ID_LABEL]: 'jupyterhub' };

describe('storage edges', () => {
  it('draws pod → claim → a StorageClass the cluster lacks, as the hub of the seed has it', () => {
    const input = clusterInput([
      pod('hub-7cc6d868bd-b426s', { claims: ['hub-db-dir'] }),
      claim('hub-db-dir', 'jhub', id, { storageClassName: 'cinder-csi' }),
    ]);
    addStorageEdges(input);
    expect(edgesOf(input)).toEqual([
      'PersistentVolumeClaim/hub-db-dir -storage-class-> StorageClass/cinder-csi',
      'Pod/hub-7cc6d868bd-b426s -mounts-> PersistentVolumeClaim/hub-db-dir',
    ]);
    expect(
      nodeNamed(input, 'PersistentVolumeClaim', 'hub-db-dir'),
    ).toMatchObject({ verdict: 'warning', status: 'Pending' });
    const missing = nodeNamed(input, 'StorageClass', 'cinder-csi');
    expect(missing).toMatchObject({ missing: true, namespace: '' });
    expect(missing?.note).toContain(
      'The StorageClass "cinder-csi" does not exist in this cluster',
    );
  });

  it('draws a bound claim → its PersistentVolume and the class that made it', () => {
    const input = clusterInput([
      pod('hub-1', { claims: ['hub-db-dir'], nodeName: 'w0' }),
      claim('hub-db-dir', 'jhub', id, {
        storageClassName: 'default',
        volumeName: 'pvc-4f1b2c3d',
      }),
      storageClass('default', true),
    ]);
    addStorageEdges(input);
    expect(edgesOf(input)).toEqual([
      'PersistentVolumeClaim/hub-db-dir -binds-> PersistentVolume/pvc-4f1b2c3d',
      'PersistentVolumeClaim/hub-db-dir -storage-class-> StorageClass/default',
      'Pod/hub-1 -mounts-> PersistentVolumeClaim/hub-db-dir',
    ]);
    expect(nodeNamed(input, 'PersistentVolume', 'pvc-4f1b2c3d')).toMatchObject({
      verdict: 'ok',
      status: 'Bound to hub-db-dir',
      facts: expect.arrayContaining([
        { label: 'Capacity', value: '1Gi' },
        { label: 'Access modes', value: 'ReadWriteOnce' },
      ]),
    });
    expect(nodeNamed(input, 'StorageClass', 'default')?.facts).toEqual(
      expect.arrayContaining([
        { label: 'Reclaim policy', value: 'Retain' },
        { label: 'Provisioner', value: 'cinder.csi.openstack.org' },
      ]),
    );
  });

  it('follows a claim without a class to the default class', () => {
    const input = clusterInput([
      claim('data', 'jhub', id, { storageClassName: null }),
      storageClass('replicated-hdd'),
      storageClass('default', true),
    ]);
    addStorageEdges(input);
    expect(edgesOf(input)).toEqual([
      'PersistentVolumeClaim/data -storage-class-> StorageClass/default',
    ]);
  });

  it('says so when a claim names no class and the cluster has no default one', () => {
    const input = clusterInput([
      claim('data', 'jhub', id, { storageClassName: null }),
      storageClass('replicated-hdd'),
    ]);
    addStorageEdges(input);
    expect(edgesOf(input)).toEqual([]);
    expect(nodeNamed(input, 'PersistentVolumeClaim', 'data')?.note).toBe(
      'It names no StorageClass and the cluster has no default one, so nothing provisions a volume for it.',
    );
  });

  it('says so when a claim asks for no class on purpose (a volume made by hand)', () => {
    const input = clusterInput([
      claim('data', 'jhub', id, { storageClassName: '' }),
    ]);
    addStorageEdges(input);
    expect(nodeNamed(input, 'PersistentVolumeClaim', 'data')?.note).toContain(
      'made by hand',
    );
  });

  it('draws a claim a pod mounts that does not exist as missing', () => {
    const input = clusterInput([pod('hub-1', { claims: ['hub-db'] })]);
    addStorageEdges(input);
    expect(edgesOf(input)).toEqual([
      'Pod/hub-1 -mounts-> PersistentVolumeClaim/hub-db',
    ]);
    expect(nodeNamed(input, 'PersistentVolumeClaim', 'hub-db')).toMatchObject({
      missing: true,
      note: 'The pod "hub-1" mounts a claim "hub-db" that does not exist in namespace "jhub": the pod cannot start until it does.',
    });
  });

  it('names the claims of ephemeral volumes as Kubernetes makes them', () => {
    expect(
      claimsOfPod({
        metadata: { name: 'jupyter-alice' },
        spec: {
          volumes: [
            {
              name: 'home',
              persistentVolumeClaim: { claimName: 'claim-alice' },
            },
            { name: 'scratch', ephemeral: { volumeClaimTemplate: {} } },
            { name: 'config', configMap: { name: 'hub' } },
          ],
        },
      }),
    ).toEqual(['claim-alice', 'jupyter-alice-scratch']);
  });
});
