import { createHmac, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { ClusterSpec } from './clusterSpec';
import type { ClusterDefinition } from './types';

/** What a file looked like when it was read: compared on each check to notice a change without reading it. */
export async function fileStamp(path: string): Promise<string> {
  try {
    // stat follows symlinks, so a Kubernetes secret volume's `..data` swap changes the inode.
    const s = await fs.stat(path);
    return `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}`;
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}

export interface Resolver {
  /**
   * Reads the spec's token and CA files and computes the fingerprint. Records the stamp of every file it
   * depends on in `files`, also when the file cannot be read, so that its appearance is noticed.
   */
  resolve(
    spec: ClusterSpec,
    files: Map<string, string>,
  ): Promise<{ cluster: ClusterDefinition } | { problem: string }>;
}

export function createResolver(): Resolver {
  // Private to this process: fingerprints cannot be compared with a guessed token elsewhere.
  const key = randomBytes(32);

  async function readFile(
    path: string,
    files: Map<string, string>,
  ): Promise<string> {
    files.set(path, await fileStamp(path));
    return fs.readFile(path, 'utf8');
  }

  return {
    async resolve(spec, files) {
      let token = spec.serviceAccountToken;
      if (spec.serviceAccountTokenFile) {
        try {
          token = (await readFile(spec.serviceAccountTokenFile, files)).trim();
        } catch (error) {
          return {
            problem: `Cluster "${spec.name}" (${
              spec.where
            }) refused: cannot read its serviceAccountTokenFile (${
              (error as NodeJS.ErrnoException).code ?? 'read error'
            }); it is read again when the file changes`,
          };
        }
        if (!token) {
          return {
            problem: `Cluster "${spec.name}" (${spec.where}) refused: its serviceAccountTokenFile is empty; it is read again when the file changes`,
          };
        }
      }
      let caFileContent = '';
      if (spec.caFile) {
        try {
          caFileContent = await readFile(spec.caFile, files);
        } catch (error) {
          return {
            problem: `Cluster "${spec.name}" (${
              spec.where
            }) refused: cannot read its caFile (${
              (error as NodeJS.ErrnoException).code ?? 'read error'
            }); it is read again when the file changes`,
          };
        }
      }
      const fingerprint = createHmac('sha256', key)
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
      const {
        where: _where,
        serviceAccountTokenFile: _file,
        ...definition
      } = spec;
      return {
        cluster: { ...definition, serviceAccountToken: token, fingerprint },
      };
    },
  };
}
