import { useRouteRef } from '@backstage/core-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { rootRouteRef } from '../../routes';

/** Links inside the plugin's page, resolved from wherever the page is mounted. */
export function usePluginLinks() {
  const root = useRouteRef(rootRouteRef)();
  const base = root.replace(/\/$/, '');
  return {
    root: base || '/',
    guide: (id: string) => `${base}/guides/${encodeURIComponent(id)}`,
    concept: (id: string) => `${base}/concepts/${encodeURIComponent(id)}`,
    tab: (tab: 'concepts' | 'clusters') => `${base}/${tab}`,
  };
}

/** The scaffolder page of a template, from a ref like "template:default/jetstream2-magnum-cluster". */
export function templateLink(templateRef: string): string | undefined {
  try {
    const ref = parseEntityRef(templateRef, {
      defaultKind: 'template',
      defaultNamespace: 'default',
    });
    return `/create/templates/${encodeURIComponent(
      ref.namespace,
    )}/${encodeURIComponent(ref.name)}`;
  } catch {
    return undefined;
  }
}
