import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  compareWorkloadsVerdicts,
  needsAPerson,
  type WorkloadsHealth,
  type WorkloadsVerdict,
} from '@internal/plugin-jetstream2-kubernetes-common';

/** A service's health on the home page: a workload verdict, or unknown when there is nothing to judge. */
export type ServiceVerdict = WorkloadsVerdict;

/** One of the user's services, judged from its workloads. */
export interface ServiceHealth {
  entity: Entity;
  entityRef: string;
  title: string;
  verdict: ServiceVerdict;
  /** One line: what is wrong first, or that all is well. */
  summary: string;
  /** The first recommended guide and its strongest reason. */
  guide?: { id: string; reason?: string };
  /** SU burn of the service's pods, when the backend computed it. */
  suPerHour?: number;
  /** The clusters its objects are on. */
  clusters: string[];
}

/** Worst first, then by title. */
export function compareServices(a: ServiceHealth, b: ServiceHealth): number {
  return (
    compareWorkloadsVerdicts(a.verdict, b.verdict) ||
    a.title.localeCompare(b.title)
  );
}

/** True for a service that needs a person: failing, needing a look, or unknown. */
export function isUnhealthy(service: ServiceHealth): boolean {
  return needsAPerson(service.verdict);
}

/** A service's line from the backend's judgement (POST /entities/health). */
export function serviceFromHealth(
  entity: Entity,
  health: WorkloadsHealth,
): ServiceHealth {
  return {
    entity,
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    ...health,
  };
}

/** A service whose workloads could not be loaded. */
export function unknownService(
  entity: Entity,
  error: { message: string },
): ServiceHealth {
  return {
    entity,
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title ?? entity.metadata.name,
    clusters: [],
    verdict: 'unknown',
    summary: `Could not load its workloads: ${error.message}`,
  };
}
