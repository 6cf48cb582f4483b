import { NotFoundError } from '@backstage/errors';
import {
  clusterCapacity,
  type AllocationResponse,
  type ClusterCapacity,
  type ClusterDetail,
  type ClusterSummary,
  type ClusterTemplateSummary,
  type EntityWorkloadsResponse,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type {
  AllocationName,
  EntityName,
  EntityPodUsage,
  Jetstream2KubernetesApi,
  PodLogsRequest,
} from '../api';
import {
  clusterDetail,
  podUsage,
  templates,
  workloadsResponse,
} from './fixtures';
import { allocationResponse } from './allocationFixtures';

/** An in-memory API over fixed live data, for tests and the dev harness. */
export class FakeJetstream2KubernetesApi implements Jetstream2KubernetesApi {
  constructor(
    private readonly data: {
      workloads?: EntityWorkloadsResponse;
      clusters?: ClusterDetail[];
      templates?: ClusterTemplateSummary[];
      /** Log text per "pod/container", or a function of the request. */
      logs?: (request: PodLogsRequest) => string;
      /** The pods' usage, or a function of the entity (which may throw, as a refused request does). */
      podUsage?: EntityPodUsage[] | ((entity: EntityName) => EntityPodUsage[]);
      /** An allocation by name, or a function of the name (which may throw, as a refused request does). */
      allocations?:
        | Record<string, AllocationResponse>
        | ((allocation: AllocationName) => AllocationResponse);
    } = {},
  ) {}

  async getClusters(): Promise<ClusterSummary[]> {
    return this.clusters().map(
      ({ nodes, controlPlane, namespaces, workloadCounts, insights, ...s }) =>
        s,
    );
  }

  async getCluster(name: string): Promise<ClusterDetail> {
    const found = this.clusters().find(c => c.name === name);
    if (!found) throw new NotFoundError(`No cluster ${name}`);
    return found;
  }

  async getClusterCapacity(name: string): Promise<ClusterCapacity> {
    const detail = await this.getCluster(name);
    return clusterCapacity(detail, detail.nodes);
  }

  async getEntityWorkloads(
    _entity: EntityName,
  ): Promise<EntityWorkloadsResponse> {
    return this.data.workloads ?? workloadsResponse;
  }

  async getPodUsage(entity: EntityName): Promise<EntityPodUsage[]> {
    const usage = this.data.podUsage ?? podUsage;
    return typeof usage === 'function' ? usage(entity) : usage;
  }

  async getTemplates(): Promise<ClusterTemplateSummary[]> {
    return this.data.templates ?? templates;
  }

  async getPodLogs(request: PodLogsRequest): Promise<string> {
    if (this.data.logs) return this.data.logs(request);
    const lines = [
      `${request.previous ? 'previous run of ' : ''}${request.pod}/${
        request.container
      } on ${request.cluster}`,
      'Listening on :8080',
    ];
    return `${lines.slice(-(request.tailLines ?? lines.length)).join('\n')}\n`;
  }

  async getAllocation(allocation: AllocationName): Promise<AllocationResponse> {
    const all = this.data.allocations;
    if (typeof all === 'function') return all(allocation);
    if (!all) return allocationResponse;
    const found = all[allocation.name];
    if (!found) throw new NotFoundError(`No allocation ${allocation.name}`);
    return found;
  }

  private clusters(): ClusterDetail[] {
    return this.data.clusters ?? [clusterDetail];
  }
}
