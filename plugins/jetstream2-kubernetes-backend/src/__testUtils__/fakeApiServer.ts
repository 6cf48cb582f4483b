import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  groupVersion,
  resourcePath,
  resourceRegistry,
  type KubeObject,
  type ResourceDefinition,
  type ResourceKey,
} from '@internal/plugin-jetstream2-kubernetes-common';

/*
 * A small kube-apiserver stand-in over plain HTTP, kept only for the faults a real control plane cannot be
 * made to produce on demand: a watch answered with 410 Gone, a watch ERROR event, a stream closed by the
 * server, a 401 on every list. Everything it serves is derived from the resource registry: the list paths
 * (`resourcePath`), `<Kind>List` kinds, `limit`/`continue` paging, the field selectors and real watch
 * streams (newline-delimited JSON events). The wiring itself is tested against the real local control plane.
 */

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface FakeApiServer {
  /** http://127.0.0.1:<port>; use it with `skipTLSVerify: true`. */
  readonly url: string;
  readonly token: string;
  /** Every request as "GET /path?query", in order. */
  readonly requests: string[];
  /** The objects of a type as the next list returns them. */
  objects(key: ResourceKey): KubeObject[];
  /**
   * Replaces the objects of a type without telling open watches (what a relist will see, e.g. objects
   * deleted while the watch was broken).
   */
  setObjects(key: ResourceKey, objects: KubeObject[]): void;
  /** Applies a change and sends it as a watch event to the open watches of the type (and later resumes). */
  push(key: ResourceKey, type: WatchEventType, object: KubeObject): void;
  /**
   * Answers the open watches of a type with an ERROR event of code 410 (Gone) and closes them; a later
   * watch from a resource version before now is answered the same way, as after an etcd compaction.
   */
  gone(key: ResourceKey): void;
  /** Sends an ERROR event with this code (500 unless told) to the open watches of a type and closes them. */
  watchError(key: ResourceKey, code?: number): void;
  /** Ends the open watch streams of a type (every type when none is given) without an event. */
  closeWatches(key?: ResourceKey): void;
  /** Open watch streams of a type. */
  watchCount(key: ResourceKey): number;
  /** Lists answered so far for a type (every page counts). */
  listCount(key: ResourceKey): number;
  /** When set, every list and watch request is answered with this HTTP status (e.g. 401), health checks not. */
  failLists?: number;
  close(): Promise<void>;
}

interface Served {
  def: ResourceDefinition;
  objects: Map<string, KubeObject>;
  /** Events applied so far, to replay to a watch resuming from an older resource version. */
  history: { rv: number; type: string; object: KubeObject }[];
  /** Watches from a resource version below this are answered with 410 Gone. */
  oldestRv: number;
  watches: Set<{ res: http.ServerResponse; fieldSelector?: string }>;
  lists: number;
}

const idOf = (o: KubeObject) =>
  `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;

const clone = <T>(o: T): T => JSON.parse(JSON.stringify(o));

/** Field selectors as the API server reads them: "a.b=c,d!=e" over dotted paths of the object. */
function matchesFieldSelector(
  obj: KubeObject,
  selector: string | undefined,
): boolean {
  if (!selector) return true;
  return selector.split(',').every(term => {
    const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(term.trim());
    if (!m) throw new Error(`Unsupported field selector term "${term}"`);
    const value = m[1]
      .split('.')
      .reduce<any>((v, part) => (v === undefined ? v : v[part]), obj);
    const equal = String(value ?? '') === m[3];
    return m[2] === '!=' ? !equal : equal;
  });
}

function status(
  res: http.ServerResponse,
  code: number,
  reason: string,
  message = reason,
) {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      reason,
      message,
      code,
    }),
  );
}

function statusObject(code: number, message: string) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    reason: code === 410 ? 'Expired' : 'InternalError',
    message,
    code,
  };
}

export async function startFakeApiServer(
  options: { token?: string } = {},
): Promise<FakeApiServer> {
  const token = options.token ?? 'fake-token-c2VjcmV0LXRva2VuLXZhbHVl';
  let rv = 100;
  const served = new Map<string, Served>();
  const byPath = new Map<string, Served>();
  for (const def of resourceRegistry as readonly ResourceDefinition[]) {
    const s: Served = {
      def,
      objects: new Map(),
      history: [],
      oldestRv: 0,
      watches: new Set(),
      lists: 0,
    };
    served.set(def.key, s);
    byPath.set(resourcePath(def), s);
  }
  const typeOf = (key: ResourceKey) => served.get(key)!;
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  let failLists: number | undefined;

  const stamp = (s: Served, o: KubeObject): KubeObject => {
    const copy = clone(o);
    rv += 1;
    copy.metadata = { ...copy.metadata, resourceVersion: String(rv) };
    copy.kind ??= s.def.kind;
    copy.apiVersion ??= groupVersion(s.def);
    return copy;
  };

  const send = (
    w: { res: http.ServerResponse; fieldSelector?: string },
    event: { type: string; object: any },
  ) => {
    if (
      event.type !== 'ERROR' &&
      !matchesFieldSelector(event.object, w.fieldSelector)
    )
      return;
    w.res.write(`${JSON.stringify(event)}\n`);
  };

  const endWatches = (s: Served, event?: { type: string; object: any }) => {
    for (const w of s.watches) {
      if (event) send(w, event);
      w.res.end();
    }
    s.watches.clear();
  };

  function list(s: Served, url: URL, res: http.ServerResponse) {
    s.lists += 1;
    const fieldSelector = url.searchParams.get('fieldSelector') ?? undefined;
    let listRv = rv;
    let offset = 0;
    const cont = url.searchParams.get('continue');
    if (cont) {
      const parsed = JSON.parse(Buffer.from(cont, 'base64').toString());
      offset = parsed.offset;
      listRv = parsed.rv;
    }
    const all = [...s.objects.values()]
      .filter(o => matchesFieldSelector(o, fieldSelector))
      .sort((a, b) => idOf(a).localeCompare(idOf(b)));
    const limit = Number(url.searchParams.get('limit') ?? 0) || all.length;
    const items = all.slice(offset, offset + limit);
    const next = offset + limit < all.length ? offset + limit : undefined;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        kind: `${s.def.kind}List`,
        apiVersion: groupVersion(s.def),
        metadata: {
          resourceVersion: String(listRv),
          ...(next !== undefined
            ? {
                continue: Buffer.from(
                  JSON.stringify({ offset: next, rv: listRv }),
                ).toString('base64'),
                remainingItemCount: all.length - next,
              }
            : {}),
        },
        // Real lists leave kind and apiVersion off their items.
        items: items.map(o => {
          const { kind: _k, apiVersion: _a, ...rest } = clone(o);
          return rest;
        }),
      }),
    );
  }

  function watch(s: Served, url: URL, res: http.ServerResponse) {
    const fieldSelector = url.searchParams.get('fieldSelector') ?? undefined;
    const from = Number(url.searchParams.get('resourceVersion') || 0);
    res.writeHead(200, {
      'content-type': 'application/json',
      'transfer-encoding': 'chunked',
    });
    res.flushHeaders();
    const w = { res, fieldSelector };
    if (from > 0 && from < s.oldestRv) {
      send(w, {
        type: 'ERROR',
        object: statusObject(
          410,
          `too old resource version: ${from} (${s.oldestRv})`,
        ),
      });
      res.end();
      return;
    }
    for (const e of s.history) {
      if (from > 0 && e.rv > from) send(w, e);
    }
    s.watches.add(w);
    res.on('close', () => s.watches.delete(w));
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.headers.authorization !== `Bearer ${token}`) {
      status(res, 401, 'Unauthorized');
      return;
    }
    if (url.pathname === '/version') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ major: '1', minor: '34', gitVersion: 'v1.34.2' }),
      );
      return;
    }
    if (url.pathname === '/readyz' || url.pathname === '/livez') {
      res.end('[+]ping ok\n[+]etcd ok\nreadyz check passed\n');
      return;
    }
    const s = byPath.get(url.pathname);
    if (!s) {
      status(res, 404, 'NotFound', `the server could not find ${url.pathname}`);
      return;
    }
    if (failLists !== undefined) {
      status(res, failLists, 'Failure', `HTTP ${failLists}`);
      return;
    }
    if (url.searchParams.get('watch') === 'true') watch(s, url, res);
    else list(s, url, res);
  });
  server.on('connection', sock => {
    sockets.add(sock);
    sock.on('close', () => sockets.delete(sock));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));

  const fake: FakeApiServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    token,
    requests,
    get failLists() {
      return failLists;
    },
    set failLists(value) {
      failLists = value;
    },
    objects: key => [...typeOf(key).objects.values()].map(clone),
    setObjects(key, objects) {
      const s = typeOf(key);
      s.objects = new Map(objects.map(o => [idOf(o), stamp(s, o)]));
      // Anything before this point cannot be replayed any more.
      s.history = [];
      s.oldestRv = rv;
    },
    push(key, type, object) {
      const s = typeOf(key);
      const o = stamp(s, object);
      if (type === 'DELETED') s.objects.delete(idOf(o));
      else s.objects.set(idOf(o), o);
      const event = {
        rv: Number(o.metadata!.resourceVersion),
        type,
        object: o,
      };
      s.history.push(event);
      for (const w of s.watches) send(w, { type, object: o });
    },
    gone(key) {
      const s = typeOf(key);
      // Compaction: the watches' resource versions are now too old; a fresh list gets a newer one.
      rv += 1;
      s.oldestRv = rv;
      s.history = [];
      endWatches(s, {
        type: 'ERROR',
        object: statusObject(410, 'too old resource version'),
      });
    },
    watchError(key, code = 500) {
      endWatches(typeOf(key), {
        type: 'ERROR',
        object: statusObject(code, `watch failed with code ${code}`),
      });
    },
    closeWatches(key) {
      for (const [k, s] of served) if (!key || k === key) endWatches(s);
    },
    watchCount: key => typeOf(key).watches.size,
    listCount: key => typeOf(key).lists,
    async close() {
      for (const s of served.values()) endWatches(s);
      for (const sock of sockets) sock.destroy();
      await new Promise<void>(r => server.close(() => r()));
    },
  };
  return fake;
}
