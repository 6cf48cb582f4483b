import type { Config } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type { ClusterSpec } from './clusterSpec';
import { readCatalogClusters } from './readCatalogClusters';
import { readConfigClusters } from './readConfigClusters';
import { filesOf, resolveSpec, type FileRead } from './resolveCluster';
import type { ClusterDefinition } from './types';

/** What the locator knows of the catalog. */
export interface CatalogInput {
  /** False when the locator was given no catalog and auth services. */
  available: boolean;
  /** The `kubernetes-cluster` Resources as last read; undefined until the catalog first answered. */
  entities?: Entity[];
}

/** The cluster entries of config and catalog, before their files are read. */
export interface ClusterSpecs {
  specs: ClusterSpec[];
  /** One sentence per refused entry (never a secret). */
  problems: string[];
  /** Informational sentences (locator types this collector does not read). */
  notes: string[];
  /** A `type: catalog` method is configured and can be served: the catalog must be read. */
  readsCatalog: boolean;
}

/** Which clusters to collect, and why the others are not. */
export interface ClusterEvaluation extends ClusterSpecs {
  clusters: ClusterDefinition[];
  /** The token and CA files the entries name: read before an evaluation, watched for changes after. */
  files: string[];
}

/** Config clusters first, then catalog clusters; a name seen before is refused. Pure. */
export function clusterSpecs(
  config: Config,
  catalog: CatalogInput,
): ClusterSpecs {
  const cfg = readConfigClusters(config);
  const problems = [...cfg.problems];
  const names = new Set<string>();
  const specs: ClusterSpec[] = [];
  const add = (spec: ClusterSpec) => {
    if (names.has(spec.name)) {
      problems.push(
        `Cluster "${spec.name}" is defined twice (again in ${spec.where}); the first definition is used`,
      );
      return;
    }
    names.add(spec.name);
    specs.push(spec);
  };
  cfg.specs.forEach(add);

  let readsCatalog = false;
  if (cfg.catalog && !catalog.available) {
    problems.push(
      'kubernetes.clusterLocatorMethods has a "catalog" method, but the jetstream2-kubernetes cluster locator was given no catalog and auth services; catalog clusters are not collected',
    );
  } else if (cfg.catalog) {
    readsCatalog = true;
    if (catalog.entities) {
      const fromCatalog = readCatalogClusters(
        catalog.entities,
        cfg.catalog,
        cfg.catalogCredentials,
        new Set(names),
      );
      problems.push(...fromCatalog.problems);
      fromCatalog.specs.forEach(add);
    }
  }
  return { specs, problems, notes: cfg.notes, readsCatalog };
}

/** The clusters of `found` whose files could be read, with a problem for each other one. Pure. */
export function resolveClusters(
  found: ClusterSpecs,
  files: ReadonlyMap<string, FileRead>,
  fingerprintKey: Uint8Array,
): ClusterEvaluation {
  const problems = [...found.problems];
  const clusters: ClusterDefinition[] = [];
  for (const spec of found.specs) {
    const result = resolveSpec(spec, files, fingerprintKey);
    if ('problem' in result) problems.push(result.problem);
    else clusters.push(result.cluster);
  }
  return {
    ...found,
    problems,
    clusters,
    files: [...new Set(found.specs.flatMap(filesOf))],
  };
}

/**
 * The clusters to collect from the config, the catalog's `kubernetes-cluster` Resources and the token and
 * CA files they name (as read beforehand: `files`), with one problem per refused entry. Pure: no clock, no
 * I/O; the fingerprints are HMACs under `fingerprintKey`. (The locator runs its two steps, `clusterSpecs`
 * and `resolveClusters`, with the file reads between them.)
 */
export function evaluateClusters(
  config: Config,
  catalog: CatalogInput,
  files: ReadonlyMap<string, FileRead>,
  fingerprintKey: Uint8Array,
): ClusterEvaluation {
  return resolveClusters(clusterSpecs(config, catalog), files, fingerprintKey);
}
