import { pvc, storageClass } from '../__fixtures__/objects';
import { evaluateInsights } from './index';

function pvcInsights(input: Parameters<typeof evaluateInsights>[0]) {
  return evaluateInsights(input).filter(i => i.ruleId === 'pvc-pending');
}

describe('pvcPending rule', () => {
  it('explains a Pending PVC whose StorageClass does not exist', () => {
    const [insight] = pvcInsights({
      objects: {
        persistentVolumeClaims: [
          pvc('hub-db-dir', {
            phase: 'Pending',
            storageClassName: 'fast-ssd',
          }),
        ],
        storageClasses: [storageClass('default', true)],
      },
    });
    expect(insight.guideId).toBe('k8s-volumes');
    expect(insight.severity).toBe('warning');
    expect(insight.reason).toContain('"fast-ssd" does not exist');
    expect(insight.reason).toContain('k8s-manila');
    expect(insight.objects).toEqual([
      { kind: 'PersistentVolumeClaim', namespace: 'jhub', name: 'hub-db-dir' },
    ]);
  });

  it('explains a Pending PVC without class when the cluster has no default StorageClass', () => {
    const insights = evaluateInsights({
      objects: {
        persistentVolumeClaims: [
          pvc('shared', { phase: 'Pending', accessModes: ['ReadWriteMany'] }),
        ],
        storageClasses: [storageClass('cinder', false)],
      },
    });
    const [pending] = insights.filter(i => i.ruleId === 'pvc-pending');
    expect(pending.reason).toContain('no default StorageClass');
    expect(pending.reason).toContain('ReadWriteMany');
    const [noDefault] = insights.filter(
      i => i.ruleId === 'no-default-storage-class',
    );
    expect(noDefault.guideId).toBe('k8s-volumes');
    expect(noDefault.reason).toContain('cinder');
  });

  it('ignores bound PVCs and does not judge storage classes for one entity', () => {
    const insights = evaluateInsights({
      scope: 'entity',
      objects: { persistentVolumeClaims: [pvc('ok')], storageClasses: [] },
    });
    expect(insights).toEqual([]);
  });

  it('ignores Lost PVCs: no provisioner will bind them again', () => {
    expect(
      pvcInsights({
        objects: { persistentVolumeClaims: [pvc('gone', { phase: 'Lost' })] },
      }),
    ).toEqual([]);
  });

  it('blames the binding, not the class, when the class exists', () => {
    const [insight] = pvcInsights({
      objects: {
        persistentVolumeClaims: [
          pvc('a', { phase: 'Pending', storageClassName: 'default' }),
          pvc('b', { phase: 'Pending' }),
        ],
        storageClasses: [storageClass('default', true)],
      },
    });
    expect(insight.title).toBe('2 PersistentVolumeClaims waiting for storage');
    expect(insight.reason).toContain('jhub/a, jhub/b are Pending');
    expect(insight.reason).toContain('no PersistentVolume has been bound');
    expect(insight.reason).not.toContain('does not exist');
    expect(insight.reason).not.toContain('ReadWriteMany');
  });

  it('names no cause it cannot know when storage classes were not collected', () => {
    const [insight] = pvcInsights({
      scope: 'entity',
      objects: {
        persistentVolumeClaims: [
          pvc('a', { phase: 'Pending', storageClassName: 'fast-ssd' }),
        ],
      },
      clusterWide: {},
    });
    expect(insight.reason).toContain('no PersistentVolume has been bound');
    expect(insight.reason).not.toContain('does not exist');
  });

  it('reads the storage classes of the whole cluster for one entity', () => {
    const [insight] = pvcInsights({
      scope: 'entity',
      objects: {
        persistentVolumeClaims: [pvc('a', { phase: 'Pending' })],
      },
      clusterWide: { storageClasses: [storageClass('cinder', false)] },
    });
    expect(insight.reason).toContain('no default StorageClass');
  });
});
