import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { AllocationResponse } from '@internal/plugin-jetstream2-kubernetes-common';

export interface AllocationsService {
  /**
   * The allocation's balance, burn, runway, spenders and idle capacity. Throws NotAllowedError when the
   * caller may not read it (jetstream2-kubernetes.allocations.read on the entity), NotFoundError when the
   * entity is not an allocation, InputError when its catalog entry is incomplete.
   */
  getAllocation(
    ref: { namespace: string; name: string },
    options: { credentials: BackstageCredentials },
  ): Promise<AllocationResponse>;
  /** Every allocation in the catalog, summarised with the plugin's own rights (for notifications). */
  summariseAll(): Promise<
    Array<{
      entityRef: string;
      summary?: AllocationResponse;
      problems?: string[];
    }>
  >;
}
