import {
  fieldLabel,
  getFlavor,
  magnumFacts,
  orderableFlavors,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { isWholeNumber, MIN_MASTER_VCPUS, PlanCheck } from './types';

/** Control plane: 1 or 3 masters of a CPU flavor with at least 2 vCPUs. */
export const controlPlaneCheck: PlanCheck = {
  id: 'controlPlane',
  run({ input }) {
    const problems: string[] = [];
    const masterCount = input.masterCount;
    if (
      !isWholeNumber(masterCount) ||
      !magnumFacts.masterCounts.includes(masterCount)
    ) {
      problems.push(
        `${fieldLabel(
          'masterCount',
        )} cannot be ${masterCount}: use 1 (development) or 3 (high availability). etcd needs an odd number of members, so 2 masters tolerate no more failures than 1.`,
      );
    }
    const hint = orderableFlavors('m3')
      .filter(f => f.vcpus >= MIN_MASTER_VCPUS)
      .slice(0, 4)
      .map(f => f.name)
      .join(', ');
    const master = getFlavor(input.masterFlavor);
    if (!master) {
      problems.push(
        `${fieldLabel('masterFlavor')} "${
          input.masterFlavor
        }" is not a Jetstream2 flavor; use a CPU flavor such as ${hint}.`,
      );
    } else if (master.status === 'retired') {
      problems.push(
        `${fieldLabel('masterFlavor')} ${
          master.name
        } is retired; use a CPU flavor such as ${hint}.`,
      );
    } else if (master.gpuFraction > 0) {
      problems.push(
        `${fieldLabel('masterFlavor')} ${
          master.name
        } is a GPU flavor; control plane nodes do not run workloads, so a GPU there is wasted at 4 SU per vCPU-hour. Use a CPU flavor such as ${hint} and put GPUs on the workers.`,
      );
    } else if (master.vcpus < MIN_MASTER_VCPUS) {
      problems.push(
        `${fieldLabel('masterFlavor')} ${master.name} has ${
          master.vcpus
        } vCPU; a control plane node needs at least ${MIN_MASTER_VCPUS} (kubeadm minimum). Use m3.small or larger.`,
      );
    }
    return { facts: { masterCount, master }, problems };
  },
};
