import { isDefaultStorageClass, plural } from './helpers';
import type { InsightRule } from './types';

/**
 * A cluster whose StorageClasses include no default one. Judged only for a whole cluster, and only when
 * storage classes were collected.
 */
export const noDefaultStorageClass: InsightRule = {
  ruleIds: ['no-default-storage-class'],
  evaluate(input) {
    const classes = input.objects.storageClasses;
    if (input.scope === 'entity' || classes === undefined) return [];
    if (classes.some(isDefaultStorageClass)) return [];
    return [
      {
        ruleId: 'no-default-storage-class',
        severity: 'warning',
        title: 'No default StorageClass',
        reason:
          classes.length === 0
            ? 'The cluster has no StorageClass, so claims that do not name a class stay Pending. The volumes guide explains StorageClasses; Magnum clusters come with the Cinder CSI driver.'
            : `None of the ${plural(classes.length, 'StorageClass')} (${classes
                .map(c => c.metadata?.name)
                .join(
                  ', ',
                )}) is marked default, so claims without storageClassName stay Pending. The volumes guide explains StorageClasses and claims.`,
        guideId: 'k8s-volumes',
        conceptIds: ['storage-class', 'persistent-volume-claim'],
        objects: [],
      },
    ];
  },
};
