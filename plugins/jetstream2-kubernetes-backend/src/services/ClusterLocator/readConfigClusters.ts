import type { Config } from '@backstage/config';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import {
  checkApiServerUrl,
  KNOWN_AUTH_PROVIDERS,
  type ClusterSpec,
  type SpecsResult,
} from './clusterSpec';

const METHODS = 'kubernetes.clusterLocatorMethods';
export const CATALOG_CREDENTIALS =
  'jetstream2Kubernetes.clusters.catalogCredentials';

/** Options of upstream's `type: catalog` locator method. */
export interface CatalogMethodOptions {
  dangerouslyAllowSkipTLSVerify: boolean;
}

/** The token (and optionally CA) the operator gives a catalog cluster, pinned to one API server URL. */
export interface CatalogCredential {
  where: string;
  url: string;
  serviceAccountToken?: string;
  serviceAccountTokenFile?: string;
  caData?: string;
  caFile?: string;
}

export interface ConfigClusters extends SpecsResult {
  /** Set when a `type: catalog` method is configured. */
  catalog?: CatalogMethodOptions;
  catalogCredentials: Map<string, CatalogCredential>;
  /** Informational lines (locator types this collector does not read). */
  notes: string[];
}

const str = (c: Config, key: string) => c.getOptionalString(key) || undefined;

/**
 * A string of upstream's `authMetadata` block, read as a plain object as upstream does: its keys are
 * annotation names with dots (`kubernetes.io/auth-provider`), which config key paths cannot address.
 */
function authMetadataString(c: Config, key: string): string | undefined {
  const meta = c.getOptional('authMetadata');
  if (!meta || typeof meta !== 'object' || Array.isArray(meta))
    return undefined;
  const value = (meta as Record<string, unknown>)[key];
  return typeof value === 'string' && value ? value : undefined;
}

function readTokenSource(
  c: Config,
  where: string,
): Pick<ClusterSpec, 'serviceAccountToken' | 'serviceAccountTokenFile'> {
  const serviceAccountToken =
    str(c, 'serviceAccountToken') ??
    authMetadataString(c, 'serviceAccountToken');
  const serviceAccountTokenFile = str(c, 'serviceAccountTokenFile');
  if (serviceAccountToken && serviceAccountTokenFile) {
    throw new Error(
      `${where} sets both serviceAccountToken and serviceAccountTokenFile; set one`,
    );
  }
  return { serviceAccountToken, serviceAccountTokenFile };
}

function readConfigCluster(c: Config, where: string): ClusterSpec {
  const name = str(c, 'name');
  if (!name) throw new Error(`${where} has no name`);
  const named = `${where} ("${name}")`;
  const rawUrl = str(c, 'url');
  if (!rawUrl) throw new Error(`${named} has no url`);
  const checked = checkApiServerUrl(rawUrl);
  if ('reason' in checked) {
    throw new Error(`${named}: url ${checked.reason}`);
  }
  const authProvider =
    authMetadataString(c, ANNOTATION_KUBERNETES_AUTH_PROVIDER) ??
    str(c, 'authProvider') ??
    'serviceAccount';
  if (!(KNOWN_AUTH_PROVIDERS as readonly string[]).includes(authProvider)) {
    throw new Error(
      `${named}: authProvider "${authProvider}" is not one of ${KNOWN_AUTH_PROVIDERS.join(
        ', ',
      )}`,
    );
  }
  const dashboardParameters = c.getOptional('dashboardParameters');
  return {
    where: named,
    source: 'config',
    name,
    title: str(c, 'title'),
    url: checked.url,
    authProvider,
    ...readTokenSource(c, named),
    caData: str(c, 'caData'),
    caFile: str(c, 'caFile'),
    skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
    skipMetricsLookup: c.getOptionalBoolean('skipMetricsLookup'),
    dashboardUrl: str(c, 'dashboardUrl'),
    dashboardApp: str(c, 'dashboardApp'),
    dashboardParameters:
      dashboardParameters && typeof dashboardParameters === 'object'
        ? (dashboardParameters as Record<string, unknown>)
        : undefined,
  };
}

function readCatalogCredentials(
  config: Config,
  problems: string[],
): Map<string, CatalogCredential> {
  const result = new Map<string, CatalogCredential>();
  let entries: Config[] = [];
  try {
    entries = config.getOptionalConfigArray(CATALOG_CREDENTIALS) ?? [];
  } catch (error) {
    problems.push(
      `${CATALOG_CREDENTIALS} is ignored: ${(error as Error).message}`,
    );
  }
  entries.forEach((c, i) => {
    const where = `${CATALOG_CREDENTIALS}[${i}]`;
    try {
      const name = str(c, 'name');
      if (!name) throw new Error(`${where} has no name`);
      const named = `${where} ("${name}")`;
      const rawUrl = str(c, 'url');
      if (!rawUrl) {
        throw new Error(
          `${named} has no url; the url pins the token to one API server`,
        );
      }
      const checked = checkApiServerUrl(rawUrl);
      if ('reason' in checked)
        throw new Error(`${named}: url ${checked.reason}`);
      const token = readTokenSource(c, named);
      if (!token.serviceAccountToken && !token.serviceAccountTokenFile) {
        throw new Error(
          `${named} has neither serviceAccountToken nor serviceAccountTokenFile`,
        );
      }
      if (result.has(name)) {
        throw new Error(`${named} repeats a name; the first entry is used`);
      }
      result.set(name, {
        where: named,
        url: checked.url,
        ...token,
        caData: str(c, 'caData'),
        caFile: str(c, 'caFile'),
      });
    } catch (error) {
      problems.push((error as Error).message);
    }
  });
  return result;
}

/**
 * Reads the `config` clusters of `kubernetes.clusterLocatorMethods` the way upstream does, plus our catalog
 * credentials. Never throws: a bad entry becomes one problem line naming the entry and the setting, and the
 * other entries are kept.
 */
export function readConfigClusters(config: Config): ConfigClusters {
  const specs: ClusterSpec[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  let catalog: CatalogMethodOptions | undefined;
  let methods: Config[] = [];
  try {
    methods = config.getOptionalConfigArray(METHODS) ?? [];
  } catch (error) {
    problems.push(`${METHODS} is ignored: ${(error as Error).message}`);
  }
  methods.forEach((method, m) => {
    const where = `${METHODS}[${m}]`;
    let type: string | undefined;
    try {
      type = method.getOptionalString('type');
    } catch (error) {
      problems.push(`${where} is ignored: ${(error as Error).message}`);
      return;
    }
    if (type === 'catalog') {
      if (catalog) {
        notes.push(
          `${where} is a second "catalog" method; only the first is read`,
        );
        return;
      }
      try {
        catalog = {
          dangerouslyAllowSkipTLSVerify:
            method.getOptionalBoolean('dangerouslyAllowSkipTLSVerify') ?? false,
        };
      } catch (error) {
        problems.push(`${where} is ignored: ${(error as Error).message}`);
      }
      return;
    }
    if (type !== 'config') {
      notes.push(
        `${where}: cluster locator method "${type}" is not read by the jetstream2-kubernetes collector; only "config" and "catalog" clusters are collected`,
      );
      return;
    }
    let clusters: Config[] = [];
    try {
      clusters = method.getOptionalConfigArray('clusters') ?? [];
    } catch (error) {
      problems.push(
        `${where}.clusters is ignored: ${(error as Error).message}`,
      );
    }
    clusters.forEach((c, i) => {
      try {
        specs.push(readConfigCluster(c, `${where}.clusters[${i}]`));
      } catch (error) {
        problems.push(
          `Cluster entry refused: ${
            (error as Error).message
          }. The other clusters are kept.`,
        );
      }
    });
  });
  const catalogCredentials = readCatalogCredentials(config, problems);
  return { specs, problems, catalog, catalogCredentials, notes };
}
