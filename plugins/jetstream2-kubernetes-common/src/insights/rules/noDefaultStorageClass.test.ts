import type { KubeObject } from '../kube';
import { storageClass } from '../__fixtures__/objects';
import { evaluateInsights } from './index';

function betaDefault(name: string): KubeObject {
  const sc = storageClass(name, false);
  sc.metadata!.annotations = {
    'storageclass.beta.kubernetes.io/is-default-class': 'true',
  };
  return sc;
}

describe('noDefaultStorageClass rule', () => {
  it('warns when no StorageClass is marked default, naming them', () => {
    const [insight] = evaluateInsights({
      objects: {
        storageClasses: [
          storageClass('cinder', false),
          storageClass('b', false),
        ],
      },
    });
    expect(insight).toMatchObject({
      ruleId: 'no-default-storage-class',
      guideId: 'k8s-volumes',
      severity: 'warning',
      objects: [],
    });
    expect(insight.reason).toContain(
      'None of the 2 StorageClasses (cinder, b)',
    );
  });

  it('warns when the cluster has no StorageClass at all', () => {
    const [insight] = evaluateInsights({ objects: { storageClasses: [] } });
    expect(insight.reason).toContain('The cluster has no StorageClass');
  });

  it('accepts the current and the beta default annotation', () => {
    expect(
      evaluateInsights({
        objects: { storageClasses: [storageClass('default', true)] },
      }),
    ).toEqual([]);
    expect(
      evaluateInsights({ objects: { storageClasses: [betaDefault('old')] } }),
    ).toEqual([]);
  });

  it('judges neither one entity nor a cluster whose classes were not collected', () => {
    expect(
      evaluateInsights({ scope: 'entity', objects: { storageClasses: [] } }),
    ).toEqual([]);
    expect(evaluateInsights({ objects: {} })).toEqual([]);
  });
});
