import { objectStatus } from '../../resources/status';
import { isDefaultStorageClass, listNames, plural, ref, verb } from './helpers';
import type { InsightRule } from './types';

/** PersistentVolumeClaims still Pending, with the likely cause (a missing StorageClass, no default one). */
export const pvcPending: InsightRule = {
  ruleIds: ['pvc-pending'],
  evaluate(input, wide) {
    const pending = (input.objects.persistentVolumeClaims ?? []).filter(
      p => objectStatus('PersistentVolumeClaim', p).state === 'Pending',
    );
    if (pending.length === 0) return [];
    const classes = wide.storageClasses;
    const classNames = new Set((classes ?? []).map(sc => sc.metadata?.name));
    const hasDefault = (classes ?? []).some(isDefaultStorageClass);
    const missingClass = new Set<string>();
    let unsetWithoutDefault = 0;
    let shared = false;
    for (const p of pending) {
      const cls: string | undefined = p.spec?.storageClassName ?? undefined;
      if ((p.spec?.accessModes ?? []).includes('ReadWriteMany')) shared = true;
      if (classes === undefined) continue;
      if (cls && !classNames.has(cls)) missingClass.add(cls);
      if (cls === undefined && !hasDefault) unsetWithoutDefault += 1;
    }
    const causes: string[] = [];
    if (missingClass.size > 0) {
      causes.push(
        `the StorageClass ${[...missingClass]
          .map(c => `"${c}"`)
          .join(', ')} does not exist in the cluster`,
      );
    }
    if (unsetWithoutDefault > 0) {
      causes.push(
        'the claim names no StorageClass and the cluster has no default StorageClass, so nothing provisions a volume',
      );
    }
    const refs = pending.map(p => ref('PersistentVolumeClaim', p));
    const cause =
      causes.length > 0
        ? causes.join('; ')
        : 'no PersistentVolume has been bound to it yet (the provisioner may be missing or still working)';
    const manila = shared
      ? ' It asks for ReadWriteMany (shared) access: for data shared between pods or JupyterHub users see the Manila guide (k8s-manila).'
      : ' For data shared between pods or users, the Manila guide (k8s-manila) shows a CephFS share.';
    return [
      {
        ruleId: 'pvc-pending',
        severity: 'warning',
        title:
          refs.length === 1
            ? `Claim ${refs[0].name} is waiting for storage`
            : `${plural(
                refs.length,
                'PersistentVolumeClaim',
              )} waiting for storage`,
        reason: `${listNames(refs)} ${verb(
          pending.length,
        )} Pending because ${cause}. The volumes guide explains StorageClasses, PersistentVolumes and claims.${manila}`,
        guideId: 'k8s-volumes',
        conceptIds: [
          'persistent-volume-claim',
          'persistent-volume',
          'storage-class',
        ],
        objects: refs,
      },
    ];
  },
};
