import {
  fieldLabel,
  isAllocationId,
  jetstream2DefaultQuotas,
  Jetstream2AllocationKind,
} from '@internal/plugin-jetstream2-kubernetes-common';
import { isWholeNumber, MIN_MASTER_VCPUS, PlanCheck } from './types';

const kinds = Object.keys(
  jetstream2DefaultQuotas,
) as Jetstream2AllocationKind[];

/** Allocation id, kind and core quota. */
export const allocationCheck: PlanCheck = {
  id: 'allocation',
  run({ input }) {
    const problems: string[] = [];
    const allocation = input.allocation;
    if (!isAllocationId(allocation)) {
      const hint = isAllocationId(allocation.toLowerCase())
        ? `use lowercase: "${allocation.toLowerCase()}"`
        : 'it is three lowercase letters and six digits, e.g. "abc123456" (see the allocation in Horizon\'s project menu)';
      problems.push(
        `${fieldLabel(
          'allocation',
        )} "${allocation}" is not a Jetstream2 allocation id: ${hint}.`,
      );
    }
    const kind = kinds.find(k => k === input.allocationKind);
    if (!kind) {
      problems.push(
        `${fieldLabel('allocationKind')} "${
          input.allocationKind
        }" is unknown; choose one of: ${kinds.join(', ')}.`,
      );
    } else if (kind === 'trial') {
      problems.push(
        `A trial allocation has a quota of ${
          jetstream2DefaultQuotas.trial.cores
        } cores, too small for any Kubernetes cluster (the smallest needs ${
          MIN_MASTER_VCPUS + 1
        }+ cores). Request a full CPU or GPU allocation through ACCESS first.`,
      );
    }
    if (
      input.quotaCores !== undefined &&
      (!isWholeNumber(input.quotaCores) || input.quotaCores < 1)
    ) {
      problems.push(
        `${fieldLabel(
          'quotaCores',
        )} must be a whole number of cores above 0 (got ${
          input.quotaCores
        }); leave it empty to use the default quota.`,
      );
    }
    const quotaCores =
      input.quotaCores ?? (kind ? jetstream2DefaultQuotas[kind].cores : 0);
    return {
      facts: { allocation, allocationKind: kind, quotaCores },
      problems,
    };
  },
};
