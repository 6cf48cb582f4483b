import type { ClusterDefinition } from './types';

/**
 * A cluster as read from config or the catalog, before its files are read: what `resolveCluster` turns into
 * a `ClusterDefinition`.
 */
export interface ClusterSpec
  extends Omit<
    ClusterDefinition,
    'fingerprint' | 'serviceAccountToken' | 'caData' | 'caFile'
  > {
  /** Where the entry comes from, for log lines: a config path or an entity ref. Never a value. */
  where: string;
  serviceAccountToken?: string;
  /** Read at each check; its content becomes `serviceAccountToken`. */
  serviceAccountTokenFile?: string;
  caData?: string;
  caFile?: string;
}

/** Result of reading one source: the usable entries and one sentence per refused entry. */
export interface SpecsResult {
  specs: ClusterSpec[];
  problems: string[];
}

/** The auth providers the upstream Kubernetes backend knows; any other name is a typo. */
export const KNOWN_AUTH_PROVIDERS = [
  'aks',
  'aws',
  'azure',
  'google',
  'googleServiceAccount',
  'localKubectlProxy',
  'oidc',
  'serviceAccount',
] as const;

/**
 * Checks an API server URL: http(s), no user or password in it. Returns the URL without trailing slashes, or
 * a reason; the reason never repeats the value, which could carry credentials.
 */
export function checkApiServerUrl(
  value: string,
): { url: string } | { reason: string } {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return { reason: 'is not a valid URL' };
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return { reason: 'must use https (or http)' };
  }
  if (parsed.username || parsed.password) {
    return { reason: 'must not contain a user name or password' };
  }
  return { url: value.trim().replace(/\/+$/, '') };
}
