import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { ClusterTemplateSummary } from '@internal/plugin-jetstream2-kubernetes-common';

export interface TemplatesService {
  /** Scaffolder templates that create clusters: catalog Templates with the configured tag. */
  listClusterTemplates(options: {
    credentials: BackstageCredentials;
  }): Promise<ClusterTemplateSummary[]>;
}

export function createTemplatesService(options: {
  catalog: CatalogService;
  tag: string;
}): TemplatesService {
  const { catalog, tag } = options;
  return {
    async listClusterTemplates({ credentials }) {
      const { items } = await catalog.getEntities(
        {
          filter: { kind: 'Template', 'metadata.tags': tag },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'metadata.description',
            'metadata.tags',
          ],
        },
        { credentials },
      );
      return items
        .filter(e => (e.metadata.tags ?? []).includes(tag))
        .map(e => ({
          entityRef: stringifyEntityRef(e),
          name: e.metadata.name,
          title: e.metadata.title ?? e.metadata.name,
          ...(e.metadata.description
            ? { description: e.metadata.description }
            : {}),
          tags: e.metadata.tags ?? [],
        }))
        .sort((a, b) => a.title.localeCompare(b.title));
    },
  };
}
