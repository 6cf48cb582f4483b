import { KubeConfig, KubernetesObjectApi } from '@kubernetes/client-node';
import fs from 'node:fs/promises';
import type { ClusterWriter } from '../writers/types';
import { WriteError } from './WriteError';

/** The deployer token of a writer: the value from config, or the file's content now (tokens rotate). */
export async function deployerToken(writer: ClusterWriter): Promise<string> {
  if (writer.token.type === 'value') return writer.token.token;
  let token: string;
  try {
    token = (await fs.readFile(writer.token.path, 'utf8')).trim();
  } catch (error) {
    throw new WriteError(
      'token',
      writer.cluster,
      `The deployer token file of ${writer.where} cannot be read (${
        (error as NodeJS.ErrnoException).code ?? (error as Error).message
      }): check serviceAccountTokenFile`,
    );
  }
  if (!token) {
    throw new WriteError(
      'token',
      writer.cluster,
      `The deployer token file of ${writer.where} is empty: check serviceAccountTokenFile`,
    );
  }
  return token;
}

/** A client for any object type, as the deployer of this cluster. One per write, so a new token is used. */
export async function deployerObjectApi(
  writer: ClusterWriter,
): Promise<KubernetesObjectApi> {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [
      {
        name: writer.cluster,
        server: writer.url,
        caData: writer.caData,
        caFile: writer.caFile,
        skipTLSVerify: writer.skipTLSVerify,
      },
    ],
    users: [{ name: 'backstage-deployer', token: await deployerToken(writer) }],
    contexts: [
      {
        name: writer.cluster,
        cluster: writer.cluster,
        user: 'backstage-deployer',
      },
    ],
    currentContext: writer.cluster,
  });
  return KubernetesObjectApi.makeApiClient(kc);
}
