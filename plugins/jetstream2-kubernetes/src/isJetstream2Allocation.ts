import type { Entity } from '@backstage/catalog-model';
import { isAllocationEntity } from '@internal/plugin-jetstream2-kubernetes-common';

/** True for a Jetstream2 allocation: a Resource with `spec.type: jetstream2-allocation`. */
export function isJetstream2Allocation(entity: Entity): boolean {
  return isAllocationEntity(entity);
}

/** True for a group, whose page shows the allocations it owns. */
export function isGroupEntity(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'group';
}
