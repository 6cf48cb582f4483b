import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_DASHBOARD_APP,
  ANNOTATION_KUBERNETES_DASHBOARD_PARAMETERS,
  ANNOTATION_KUBERNETES_DASHBOARD_URL,
  ANNOTATION_KUBERNETES_SKIP_METRICS_LOOKUP,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import {
  checkApiServerUrl,
  type ClusterSpec,
  type SpecsResult,
} from './clusterSpec';
import {
  CATALOG_CREDENTIALS,
  type CatalogCredential,
  type CatalogMethodOptions,
} from './readConfigClusters';

/** The catalog query of upstream's CatalogClusterLocator (its annotation checks are done per entity below). */
export const CATALOG_CLUSTER_FILTER = {
  kind: 'Resource',
  'spec.type': 'kubernetes-cluster',
};

function dashboardParameters(value: string | undefined) {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function toSpec(
  entity: Entity,
  options: CatalogMethodOptions,
  credentials: Map<string, CatalogCredential>,
): ClusterSpec | undefined {
  const where = `catalog entity ${stringifyEntityRef(entity)}`;
  const annotations = entity.metadata.annotations ?? {};
  const apiServer = annotations[ANNOTATION_KUBERNETES_API_SERVER];
  const authProvider = annotations[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
  // Like upstream's catalog query: a Resource without an API server is not meant to be connected to.
  if (!apiServer) return undefined;
  if (!authProvider) {
    throw new Error(
      `${where} has no ${ANNOTATION_KUBERNETES_AUTH_PROVIDER} annotation`,
    );
  }
  if (authProvider !== 'serviceAccount') {
    throw new Error(
      `${where} uses auth provider "${authProvider}"; the jetstream2-kubernetes collector reads catalog clusters with "serviceAccount" only`,
    );
  }
  const checked = checkApiServerUrl(apiServer);
  if ('reason' in checked) {
    throw new Error(
      `${where}: annotation ${ANNOTATION_KUBERNETES_API_SERVER} ${checked.reason}`,
    );
  }
  const name = entity.metadata.name;
  const credential = credentials.get(name);
  if (!credential) {
    throw new Error(
      `${where} has no token: add an entry named "${name}" with its url and serviceAccountToken or serviceAccountTokenFile to ${CATALOG_CREDENTIALS} (tokens never come from the catalog)`,
    );
  }
  if (credential.url !== checked.url) {
    throw new Error(
      `${where}: annotation ${ANNOTATION_KUBERNETES_API_SERVER} (${checked.url}) differs from the url of ${credential.where} (${credential.url}); the token is only sent to the configured url`,
    );
  }
  const caData =
    credential.caData ??
    (credential.caFile
      ? undefined
      : annotations[ANNOTATION_KUBERNETES_API_SERVER_CA] || undefined);
  if (!caData && !credential.caFile) {
    throw new Error(
      `${where} has no ${ANNOTATION_KUBERNETES_API_SERVER_CA} annotation, and ${credential.where} gives no caData or caFile`,
    );
  }
  return {
    where,
    source: 'catalog',
    name,
    title: entity.metadata.title,
    url: checked.url,
    authProvider,
    serviceAccountToken: credential.serviceAccountToken,
    serviceAccountTokenFile: credential.serviceAccountTokenFile,
    caData,
    caFile: credential.caFile,
    skipTLSVerify:
      options.dangerouslyAllowSkipTLSVerify &&
      annotations[ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY] === 'true',
    skipMetricsLookup:
      annotations[ANNOTATION_KUBERNETES_SKIP_METRICS_LOOKUP] === 'true',
    dashboardUrl: annotations[ANNOTATION_KUBERNETES_DASHBOARD_URL],
    dashboardApp: annotations[ANNOTATION_KUBERNETES_DASHBOARD_APP],
    dashboardParameters: dashboardParameters(
      annotations[ANNOTATION_KUBERNETES_DASHBOARD_PARAMETERS],
    ),
  };
}

/**
 * Turns `kubernetes-cluster` Resources into cluster entries like upstream's CatalogClusterLocator (same
 * annotations, `dangerouslyAllowSkipTLSVerify`), with one difference: upstream refuses `serviceAccount`
 * clusters from the catalog, because the token would have to come from the catalog; we take the token from
 * `jetstream2Kubernetes.clusters.catalogCredentials`, pinned to the API server URL, so an entity can neither
 * carry a token nor redirect one. Since the operator pins every URL, upstream's SSRF checks
 * (`dangerouslyAllowClusterUrls`) have nothing left to guard here and are not repeated.
 */
export function readCatalogClusters(
  entities: Entity[],
  options: CatalogMethodOptions,
  credentials: Map<string, CatalogCredential>,
  skipNames: Set<string>,
): SpecsResult {
  const specs: ClusterSpec[] = [];
  const problems: string[] = [];
  for (const entity of entities) {
    // A Resource that describes a cluster defined in config: the config entry wins, quietly.
    if (skipNames.has(entity.metadata.name)) continue;
    try {
      const spec = toSpec(entity, options, credentials);
      if (spec) specs.push(spec);
    } catch (error) {
      problems.push(`Catalog cluster refused: ${(error as Error).message}`);
    }
  }
  return { specs, problems };
}
