/**
 * Requests to a backend under test as a browser makes them (a user token, `Accept-Encoding: gzip`), timed
 * from the request until the last byte of the answer; and the routes the bench reads.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { Backend } from './backends';

const AUTH = mockCredentials.user.header();

export interface Answer {
  status: number;
  ms: number;
  /** As they travelled (compressed if the answer was). */
  bytes: number;
  /** Decompressed. */
  text: string;
  etag?: string;
}

/** A request's JSON body (none when `body` is undefined) and the headers that announce it. */
export function jsonBody(body: unknown) {
  const data = body === undefined ? undefined : JSON.stringify(body);
  const headers = data
    ? {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(data),
      }
    : {};
  return { data, headers };
}

export function call(
  b: Backend,
  method: 'GET' | 'POST',
  p: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Answer> {
  const { data, headers } = jsonBody(body);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const req = http.request(
      {
        host: '127.0.0.1',
        port: b.port,
        path: p,
        method,
        agent: b.agent,
        headers: {
          Authorization: AUTH,
          Accept: 'application/json',
          // as a browser does: large answers travel compressed
          'Accept-Encoding': 'gzip',
          ...extraHeaders,
          ...headers,
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', c => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - t0) / 1e6;
          const buf = Buffer.concat(chunks);
          // bytes as they travelled; text decompressed for the checks
          const plain =
            res.headers['content-encoding'] === 'gzip' ? gunzipSync(buf) : buf;
          resolve({
            status: res.statusCode ?? 0,
            ms,
            bytes: buf.length,
            text: plain.toString('utf8'),
            etag: res.headers.etag,
          });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error(`timeout ${p}`)));
    req.on('error', reject);
    req.end(data);
  });
}

export const ourRoute = (name: string) =>
  `/api/jetstream2-kubernetes/entities/default/component/${name}/workloads`;

/** An entity view on our route. */
export const ours = (b: Backend, name: string) =>
  call(b, 'GET', ourRoute(name));

/** An entity view on upstream's route (served by our provider on A, by upstream's default one on B). */
export const upstream = (b: Backend, name: string) =>
  call(b, 'POST', `/api/kubernetes/services/${name}`, {
    entity: b.catalog.entityByName.get(name),
  });

/** Pods per cluster of an entity view on our route. */
export function podsPerCluster(
  text: string,
): Record<string, { n: number; running: number }> {
  const body = JSON.parse(text);
  const out: Record<string, { n: number; running: number }> = {};
  for (const c of body.clusters ?? []) {
    const pods =
      c.resources?.find((r: any) => r.type === 'pods')?.resources ?? [];
    out[c.cluster] = {
      n: pods.length,
      running: pods.filter((p: any) => p.status?.phase === 'Running').length,
    };
  }
  return out;
}

/** Our /clusters: what the backend's collector holds per cluster. */
export async function clusters(b: Backend) {
  const r = await call(b, 'GET', '/api/jetstream2-kubernetes/clusters');
  if (r.status !== 200)
    throw new Error(`/clusters: HTTP ${r.status} ${r.text.slice(0, 200)}`);
  return JSON.parse(r.text) as Array<{
    name: string;
    status: string;
    podCount: number;
    nodeCount: number;
  }>;
}
