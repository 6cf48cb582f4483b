import { createHmac } from 'node:crypto';
import type { ClusterSpec } from './clusterSpec';
import type { ClusterDefinition } from './types';

/** A token or CA file as last read: its content, or the error code that kept it from being read. */
export type FileRead = { content: string } | { error: string };

/** The files a spec depends on: its token file and its CA file, when it names them. */
export function filesOf(spec: ClusterSpec): string[] {
  return [spec.serviceAccountTokenFile, spec.caFile].filter(
    (path): path is string => !!path,
  );
}

function refused(spec: ClusterSpec, why: string) {
  return {
    problem: `Cluster "${spec.name}" (${spec.where}) refused: ${why}; it is read again when the file changes`,
  };
}

/**
 * Turns a spec into the cluster the collector connects to, with the contents of its token and CA files
 * taken from `files` (read beforehand), and a fingerprint of everything that affects the connection: an HMAC
 * under `fingerprintKey`, never the secret itself. Pure: the same inputs give the same answer.
 */
export function resolveSpec(
  spec: ClusterSpec,
  files: ReadonlyMap<string, FileRead>,
  fingerprintKey: Uint8Array,
): { cluster: ClusterDefinition } | { problem: string } {
  const read = (path: string): FileRead =>
    files.get(path) ?? { error: 'not read yet' };
  let token = spec.serviceAccountToken;
  if (spec.serviceAccountTokenFile) {
    const file = read(spec.serviceAccountTokenFile);
    if ('error' in file) {
      return refused(
        spec,
        `cannot read its serviceAccountTokenFile (${file.error})`,
      );
    }
    token = file.content.trim();
    if (!token) return refused(spec, 'its serviceAccountTokenFile is empty');
  }
  let caFileContent = '';
  if (spec.caFile) {
    const file = read(spec.caFile);
    if ('error' in file) {
      return refused(spec, `cannot read its caFile (${file.error})`);
    }
    caFileContent = file.content;
  }
  const fingerprint = createHmac('sha256', fingerprintKey)
    .update(
      JSON.stringify([
        spec.url,
        spec.authProvider,
        spec.skipTLSVerify,
        token ?? '',
        spec.caData ?? '',
        spec.caFile ?? '',
        caFileContent,
      ]),
    )
    .digest('hex')
    .slice(0, 32);
  const { where: _where, serviceAccountTokenFile: _file, ...definition } = spec;
  return {
    cluster: { ...definition, serviceAccountToken: token, fingerprint },
  };
}
