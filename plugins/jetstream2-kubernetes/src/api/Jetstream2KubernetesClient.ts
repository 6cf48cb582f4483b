import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  JETSTREAM2_KUBERNETES_PLUGIN_ID,
  type AllocationResponse,
  type ClusterCapacity,
  type ClusterDetail,
  type ClusterSummary,
  type ClusterTemplateSummary,
  type EntityPodUsage,
  type EntityWorkloadsResponse,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type {
  AllocationName,
  EntityName,
  Jetstream2KubernetesApi,
  PodLogsRequest,
} from './Jetstream2KubernetesApi';

/** Lists arrive as a bare array; `{ items: [...] }` is accepted too. */
function asList<T>(body: unknown): T[] {
  if (Array.isArray(body)) {
    return body as T[];
  }
  if (body && typeof body === 'object') {
    const items = (body as { items?: unknown }).items;
    if (Array.isArray(items)) {
      return items as T[];
    }
  }
  return [];
}

const enc = encodeURIComponent;

function entityPath(entity: EntityName): string {
  const namespace = entity.namespace || 'default';
  const kind = entity.kind.toLocaleLowerCase('en-US');
  return `/entities/${enc(namespace)}/${enc(kind)}/${enc(entity.name)}`;
}

/** The last answer to a GET, kept to send If-None-Match and to reuse on 304. */
interface CachedAnswer {
  etag: string;
  body: unknown;
}

/** How many URLs keep their last answer; the oldest is dropped first. */
const MAX_CACHED = 100;

/** Talks to /api/jetstream2-kubernetes through the discovery and fetch APIs. */
export class Jetstream2KubernetesClient implements Jetstream2KubernetesApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;
  private readonly answers = new Map<string, CachedAnswer>();

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getClusters(): Promise<ClusterSummary[]> {
    return asList<ClusterSummary>(await this.get('/clusters'));
  }

  async getCluster(name: string): Promise<ClusterDetail> {
    return this.get<ClusterDetail>(`/clusters/${enc(name)}`);
  }

  async getClusterCapacity(name: string): Promise<ClusterCapacity> {
    return this.get<ClusterCapacity>(`/clusters/${enc(name)}/capacity`);
  }

  async getEntityWorkloads(
    entity: EntityName,
  ): Promise<EntityWorkloadsResponse> {
    return this.get<EntityWorkloadsResponse>(`${entityPath(entity)}/workloads`);
  }

  async getPodUsage(entity: EntityName): Promise<EntityPodUsage[]> {
    return asList<EntityPodUsage>(
      await this.get(`${entityPath(entity)}/usage`),
    );
  }

  async getPodLogs(request: PodLogsRequest): Promise<string> {
    const params = new URLSearchParams({
      cluster: request.cluster,
      podNamespace: request.podNamespace,
      pod: request.pod,
      container: request.container,
      previous: String(Boolean(request.previous)),
    });
    if (request.tailLines !== undefined) {
      params.set('tailLines', String(request.tailLines));
    }
    const baseUrl = await this.discoveryApi.getBaseUrl(
      JETSTREAM2_KUBERNETES_PLUGIN_ID,
    );
    const res = await this.fetchApi.fetch(
      `${baseUrl}${entityPath(request.entity)}/logs?${params}`,
    );
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res.text();
  }

  async getAllocation(allocation: AllocationName): Promise<AllocationResponse> {
    return this.get<AllocationResponse>(
      `/allocations/${enc(allocation.namespace || 'default')}/${enc(
        allocation.name,
      )}`,
    );
  }

  async getTemplates(): Promise<ClusterTemplateSummary[]> {
    return asList<ClusterTemplateSummary>(await this.get('/templates'));
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      JETSTREAM2_KUBERNETES_PLUGIN_ID,
    );
    const url = `${baseUrl}${path}`;
    const cached = this.answers.get(url);
    const res = cached
      ? await this.fetchApi.fetch(url, {
          headers: { 'If-None-Match': cached.etag },
        })
      : await this.fetchApi.fetch(url);
    if (res.status === 304 && cached) {
      return cached.body as T;
    }
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    const body = (await res.json()) as T;
    this.remember(url, res.headers.get('ETag'), body);
    return body;
  }

  private remember(url: string, etag: string | null, body: unknown) {
    this.answers.delete(url);
    if (!etag) {
      return;
    }
    this.answers.set(url, { etag, body });
    if (this.answers.size > MAX_CACHED) {
      const oldest = this.answers.keys().next().value;
      if (oldest !== undefined) this.answers.delete(oldest);
    }
  }
}
