import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Collection paths the collector lists, mapped to the key of the objects served. */
const pathKeys: Record<string, string> = {
  '/api/v1/nodes': 'nodes',
  '/api/v1/namespaces': 'namespaces',
  '/api/v1/pods': 'pods',
  '/apis/apps/v1/deployments': 'deployments',
  '/apis/apps/v1/replicasets': 'replicaSets',
  '/apis/apps/v1/statefulsets': 'statefulSets',
  '/apis/apps/v1/daemonsets': 'daemonSets',
  '/apis/batch/v1/jobs': 'jobs',
  '/apis/batch/v1/cronjobs': 'cronJobs',
  '/api/v1/services': 'services',
  '/apis/networking.k8s.io/v1/ingresses': 'ingresses',
  '/api/v1/persistentvolumeclaims': 'persistentVolumeClaims',
  '/apis/autoscaling/v2/horizontalpodautoscalers': 'horizontalPodAutoscalers',
  '/api/v1/events': 'events',
  '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases': 'leases',
  '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases':
    'nodeLeases',
  '/apis/storage.k8s.io/v1/storageclasses': 'storageClasses',
};

export interface FakeApiServer {
  url: string;
  /** 'ok' serves; 'unauthorized' answers 401 to everything. */
  mode: 'ok' | 'unauthorized';
  objects: Record<string, any[]>;
  requests: string[];
  close(): Promise<void>;
}

/**
 * A tiny stand-in for a kube-apiserver over plain HTTP, for fast unit tests of the collector and routes.
 * Lists serve `objects`; watches stay open without events. The real control plane is used by the
 * integration test.
 */
export async function startFakeApiServer(options: {
  token: string;
  objects?: Record<string, any[]>;
}): Promise<FakeApiServer> {
  const sockets = new Set<import('node:net').Socket>();
  const fake: FakeApiServer = {
    url: '',
    mode: 'ok',
    objects: options.objects ?? {},
    requests: [],
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>(r => server.close(() => r()));
    },
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    fake.requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (
      fake.mode === 'unauthorized' ||
      req.headers.authorization !== `Bearer ${options.token}`
    ) {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          kind: 'Status',
          status: 'Failure',
          reason: 'Unauthorized',
          code: 401,
        }),
      );
      return;
    }
    if (url.pathname === '/version') {
      res.end(
        JSON.stringify({ major: '1', minor: '34', gitVersion: 'v1.34.2' }),
      );
      return;
    }
    if (url.pathname === '/readyz' || url.pathname === '/livez') {
      res.end(
        '[+]ping ok\n[+]etcd ok\n[+]poststarthook/rbac/bootstrap-roles ok\nreadyz check passed\n',
      );
      return;
    }
    const key = pathKeys[url.pathname];
    if (!key) {
      res.writeHead(404);
      res.end('{}');
      return;
    }
    if (url.searchParams.get('watch') === 'true') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('');
      return; // stays open until the client or close() ends it
    }
    const items = (fake.objects[key] ?? []).map(o =>
      JSON.parse(JSON.stringify(o)),
    );
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        kind: 'List',
        apiVersion: 'v1',
        metadata: { resourceVersion: '10' },
        items,
      }),
    );
  });
  server.on('connection', s => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
