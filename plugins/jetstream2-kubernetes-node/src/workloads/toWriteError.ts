import { WriteError } from './WriteError';
import type { WriteErrorReason } from './types';

/** Where a failed call went, for the message. */
export interface CallContext {
  cluster: string;
  /** The API server's URL. */
  url: string;
  /** e.g. `Deployment apps/hello`; absent for calls about no object. */
  object?: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

const GRANT_NAMESPACE =
  'a platform team grants the deployer a namespace with `kubectl -n <namespace> apply -k deploy/cluster-access/deployer/namespace`';

/** The API server's own message from a Status body (a JSON string or object), if there is one. */
function statusMessage(body: unknown): string | undefined {
  let parsed = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      const text = body.trim();
      return text && text.length < 300 ? text : undefined;
    }
  }
  const message = (parsed as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message ? message : undefined;
}

function networkCode(error: unknown): string | undefined {
  for (let e: any = error, depth = 0; e && depth < 4; e = e.cause, depth++) {
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
  }
  return undefined;
}

function fromStatus(
  code: number,
  apiMessage: string,
  where: CallContext,
): [WriteErrorReason, string] {
  const about = where.object ? `${where.object}: ` : '';
  switch (code) {
    case 401:
      return [
        'unauthorized',
        `Cluster "${where.cluster}" does not accept the deployer token (401): it may have been revoked or replaced; a platform team writes a new one (deploy/cluster-access/deployer).`,
      ];
    case 403:
      return [
        'forbidden',
        `Cluster "${where.cluster}" refused ${about}${apiMessage}. The deployer may write only where its Role allows (never Secrets, RBAC or cluster-wide objects); ${GRANT_NAMESPACE}.`,
      ];
    case 404:
      return ['not-found', `Cluster "${where.cluster}": ${about}${apiMessage}`];
    case 409:
      return [
        'conflict',
        `Cluster "${where.cluster}" refused ${about}${apiMessage}. Another tool manages these fields; the portal does not take them over: change them with that tool, or delete the object first.`,
      ];
    case 400:
    case 422:
      return [
        'invalid',
        `Cluster "${where.cluster}" rejected ${about}${apiMessage}`,
      ];
    default:
      return [
        'server-error',
        `Cluster "${where.cluster}" answered HTTP ${code} for ${about}${apiMessage}`,
      ];
  }
}

/**
 * Turns what `@kubernetes/client-node` throws into a {@link WriteError}: HTTP answers by status (with the
 * API server's own message), network and TLS failures as `unreachable`, unknown kinds as `unknown-kind`.
 */
export function toWriteError(error: unknown, where: CallContext): WriteError {
  if (error instanceof WriteError) return error;
  const e = error as {
    code?: unknown;
    body?: unknown;
    message?: string;
  };
  const message = String(e?.message ?? error);
  const about = where.object ? ` for ${where.object}` : '';

  const unrecognized = /Unrecognized API version and kind: (.*)$/m.exec(
    message,
  );
  if (unrecognized) {
    return new WriteError(
      'unknown-kind',
      where.cluster,
      `Cluster "${where.cluster}" does not serve ${unrecognized[1]} (check the manifest's apiVersion and kind).`,
    );
  }
  if (typeof e?.code === 'number') {
    const apiMessage =
      statusMessage(e.body) ?? `HTTP ${e.code} without a message`;
    if (e.code === 404 && /Failed to fetch resource metadata/.test(message)) {
      const what =
        /resource metadata for (\S+?):/.exec(message)?.[1] ?? 'this kind';
      return new WriteError(
        'unknown-kind',
        where.cluster,
        `Cluster "${where.cluster}" does not serve ${what} (check the manifest's apiVersion and kind, or install what defines it).`,
      );
    }
    const [reason, text] = fromStatus(e.code, apiMessage, where);
    return new WriteError(reason, where.cluster, text);
  }
  const code = networkCode(error);
  if (code) {
    const cause = message.replace(
      /^Failed to fetch resource metadata[^:]*: /,
      '',
    );
    return new WriteError(
      'unreachable',
      where.cluster,
      `Cannot reach cluster "${where.cluster}" at ${where.url}${about}: ${cause}`,
    );
  }
  return new WriteError(
    'server-error',
    where.cluster,
    `Writing to cluster "${where.cluster}"${about} failed: ${message}`,
  );
}
