import { fieldLabel } from '@internal/plugin-jetstream2-kubernetes-common';
import { ClusterAddon, clusterAddons } from '../request';
import type { PlanCheck } from './types';

/** Add-ons: known ones only, once each, and the GPU device plugin where it matters. */
export const addonsCheck: PlanCheck = {
  id: 'addons',
  run({ input, facts }) {
    const problems: string[] = [];
    const warnings: string[] = [];
    const addons: ClusterAddon[] = [];
    for (const a of input.addons) {
      const known = clusterAddons.find(k => k === a);
      if (!known) {
        problems.push(
          `${fieldLabel(
            'addons',
          )}: "${a}" is unknown; choose from: ${clusterAddons.join(', ')}.`,
        );
      } else if (!addons.includes(known)) {
        addons.push(known);
      }
    }
    if (facts.gpu && !addons.includes('nvidia-device-plugin')) {
      warnings.push(
        'GPU workers need the NVIDIA device plugin before pods can request nvidia.com/gpu; consider the nvidia-device-plugin add-on.',
      );
    }
    if (facts.gpu === false && addons.includes('nvidia-device-plugin')) {
      warnings.push(
        'The nvidia-device-plugin add-on does nothing without g3 workers.',
      );
    }
    return { facts: { addons }, problems, warnings };
  },
};
