import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  JETSTREAM2_KUBERNETES_PLUGIN_ID,
  type ClusterDetail,
  type ClusterSummary,
  type ClusterTemplateSummary,
  type Concept,
  type EntityWorkloadsResponse,
  type Guide,
} from '@internal/plugin-jetstream2-kubernetes-common';
import type {
  EntityName,
  GuideFilter,
  Jetstream2KubernetesApi,
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

/** Talks to /api/jetstream2-kubernetes through the discovery and fetch APIs. */
export class Jetstream2KubernetesClient implements Jetstream2KubernetesApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getGuides(filter: GuideFilter = {}): Promise<Guide[]> {
    const params = new URLSearchParams();
    if (filter.concept) params.set('concept', filter.concept);
    if (filter.source) params.set('source', filter.source);
    if (filter.q) params.set('q', filter.q);
    const query = params.toString();
    return asList<Guide>(await this.get(`/guides${query ? `?${query}` : ''}`));
  }

  async getGuide(id: string): Promise<Guide> {
    return this.get<Guide>(`/guides/${enc(id)}`);
  }

  async getConcepts(): Promise<Concept[]> {
    return asList<Concept>(await this.get('/concepts'));
  }

  async getConcept(id: string): Promise<Concept> {
    return this.get<Concept>(`/concepts/${enc(id)}`);
  }

  async getClusters(): Promise<ClusterSummary[]> {
    return asList<ClusterSummary>(await this.get('/clusters'));
  }

  async getCluster(name: string): Promise<ClusterDetail> {
    return this.get<ClusterDetail>(`/clusters/${enc(name)}`);
  }

  async getEntityWorkloads(
    entity: EntityName,
  ): Promise<EntityWorkloadsResponse> {
    const namespace = entity.namespace || 'default';
    return this.get<EntityWorkloadsResponse>(
      `/entities/${enc(namespace)}/${enc(entity.kind.toLocaleLowerCase('en-US'))}/${enc(entity.name)}/workloads`,
    );
  }

  async getTemplates(): Promise<ClusterTemplateSummary[]> {
    return asList<ClusterTemplateSummary>(await this.get('/templates'));
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      JETSTREAM2_KUBERNETES_PLUGIN_ID,
    );
    const res = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return (await res.json()) as T;
  }
}
