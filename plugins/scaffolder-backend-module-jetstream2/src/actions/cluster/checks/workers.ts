import {
  fieldLabel,
  getFlavor,
  orderableFlavors,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type { PlanCheck } from './types';

/** Worker flavor: known, not retired, and matching the allocation's kind. */
export const workersCheck: PlanCheck = {
  id: 'workers',
  run({ input, facts }) {
    const problems: string[] = [];
    const warnings: string[] = [];
    const worker = getFlavor(input.workerFlavor);
    const all = orderableFlavors()
      .map(f => f.name)
      .join(', ');
    if (!worker) {
      problems.push(
        `${fieldLabel('workerFlavor')} "${
          input.workerFlavor
        }" is not a Jetstream2 flavor; use one of: ${all}.`,
      );
      return { problems };
    }
    if (worker.status === 'retired') {
      const successor =
        worker.family === 'g3' ? 'g3.medium (1/4 A100)' : 'a current flavor';
      problems.push(
        `${fieldLabel('workerFlavor')} ${
          worker.name
        } is retired; use ${successor}. Available: ${all}.`,
      );
    } else {
      if (worker.status === 'by-request') {
        warnings.push(
          `${worker.name} is available by request only: open a ticket with the Jetstream2 team before creating the cluster.`,
        );
      }
      if (worker.vcpus < 2) {
        warnings.push(
          `${worker.name} workers (${worker.vcpus} vCPU, ${worker.ramGb} GB) leave little room after the Kubernetes system pods; m3.quad or larger is more useful.`,
        );
      }
    }
    const gpu = worker.gpuFraction > 0;
    if (gpu && facts.allocationKind === 'cpu') {
      problems.push(
        `${fieldLabel('workerFlavor')} ${
          worker.name
        } needs a GPU allocation (Jetstream2-GPU), but ${fieldLabel(
          'allocationKind',
        )} is CPU. Choose the GPU allocation kind if the allocation has GPU resources, or pick an m3 flavor.`,
      );
    }
    if (!gpu && facts.allocationKind === 'gpu') {
      warnings.push(
        'The allocation is a GPU allocation but the workers have no GPU; g3.* workers would use it.',
      );
    }
    return { facts: { worker, gpu }, problems, warnings };
  },
};
