import { ResponseError } from '@backstage/errors';
import { Jetstream2KubernetesClient } from './Jetstream2KubernetesClient';

const baseUrl = 'http://backend.test/api/jetstream2-kubernetes';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText: status === 200 ? 'OK' : 'Not Found',
    headers: { 'Content-Type': 'application/json' },
  });
}

function setup(
  respond: (url: string, init?: RequestInit) => Response = () =>
    jsonResponse([]),
) {
  const discoveryApi = { getBaseUrl: jest.fn(async () => baseUrl) };
  const fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) =>
    respond(String(input), init),
  );
  const client = new Jetstream2KubernetesClient({
    discoveryApi,
    fetchApi: { fetch },
  });
  return { client, discoveryApi, fetch };
}

describe('Jetstream2KubernetesClient', () => {
  it('accepts lists wrapped in items', async () => {
    const { client } = setup(() =>
      jsonResponse({ items: [{ name: 'js2-demo' }] }),
    );
    await expect(client.getClusters()).resolves.toEqual([{ name: 'js2-demo' }]);
  });

  it('encodes path parts', async () => {
    const { client, fetch } = setup(() => jsonResponse({}));
    await client.getCluster('js2 demo/1');
    await client.getEntityWorkloads({
      namespace: 'my ns',
      kind: 'Component',
      name: 'sci/api',
    });
    await client.getEntityWorkloads({ kind: 'Component', name: 'science-api' });
    expect(fetch.mock.calls.map(call => String(call[0]))).toEqual([
      `${baseUrl}/clusters/js2%20demo%2F1`,
      `${baseUrl}/entities/my%20ns/component/sci%2Fapi/workloads`,
      `${baseUrl}/entities/default/component/science-api/workloads`,
    ]);
  });

  it('asks discovery for the plugin id and fetches clusters and templates', async () => {
    const { client, discoveryApi, fetch } = setup(() =>
      jsonResponse([{ name: 'js2-demo' }]),
    );
    await expect(client.getClusters()).resolves.toEqual([{ name: 'js2-demo' }]);
    expect(discoveryApi.getBaseUrl).toHaveBeenCalledWith(
      'jetstream2-kubernetes',
    );
    await client.getTemplates();
    expect(fetch.mock.calls.map(call => String(call[0]))).toEqual([
      `${baseUrl}/clusters`,
      `${baseUrl}/templates`,
    ]);
  });

  it('throws a ResponseError carrying the status when the backend fails', async () => {
    const { client } = setup(() =>
      jsonResponse(
        {
          error: { name: 'NotFoundError', message: 'No cluster nope' },
          response: { statusCode: 404 },
        },
        404,
      ),
    );
    const error = await client.getCluster('nope').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.message).toContain('404');
    expect(error.body.error.message).toBe('No cluster nope');
  });

  it('sends the last ETag as If-None-Match and reuses the cached body on 304', async () => {
    const body = { entityRef: 'component:default/science-api', workloads: [] };
    const { client, fetch } = setup((_url, init) => {
      const tag = (init?.headers as Record<string, string> | undefined)?.[
        'If-None-Match'
      ];
      if (tag === '"v1"') {
        return new Response(null, { status: 304, statusText: 'Not Modified' });
      }
      return new Response(JSON.stringify(body), {
        status: 200,
        headers: { 'Content-Type': 'application/json', ETag: '"v1"' },
      });
    });
    const entity = { kind: 'Component', name: 'science-api' };
    const first = await client.getEntityWorkloads(entity);
    const second = await client.getEntityWorkloads(entity);
    expect(first).toEqual(body);
    expect(second).toBe(first);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fetch.mock.calls[0][1]).toBeUndefined();
    expect(fetch.mock.calls[1][1]).toEqual({
      headers: { 'If-None-Match': '"v1"' },
    });
  });

  it('keeps ETags per URL and forgets one when an answer comes without it', async () => {
    let withTag = true;
    const { client, fetch } = setup(
      url =>
        new Response(JSON.stringify({ url }), {
          status: 200,
          headers: withTag ? { ETag: `"${url.length}"` } : {},
        }),
    );
    await client.getCluster('a');
    await client.getCluster('bb');
    withTag = false;
    await client.getCluster('a');
    await client.getCluster('a');
    expect(fetch.mock.calls.map(c => c[1])).toEqual([
      undefined,
      undefined,
      { headers: { 'If-None-Match': `"${`${baseUrl}/clusters/a`.length}"` } },
      undefined,
    ]);
  });

  it("reads the entity's pod usage from its usage route, with If-None-Match", async () => {
    const usage = [{ cluster: 'js2-demo', podMetrics: [] }];
    const { client, fetch } = setup((_url, init) =>
      (init?.headers as Record<string, string> | undefined)?.['If-None-Match']
        ? new Response(null, { status: 304 })
        : new Response(JSON.stringify(usage), {
            status: 200,
            headers: { 'Content-Type': 'application/json', ETag: '"u1"' },
          }),
    );
    const entity = { namespace: 'lab', kind: 'Component', name: 'sci/api' };
    await expect(client.getPodUsage(entity)).resolves.toEqual(usage);
    await expect(client.getPodUsage(entity)).resolves.toEqual(usage);
    expect(fetch.mock.calls.map(call => String(call[0]))).toEqual([
      `${baseUrl}/entities/lab/component/sci%2Fapi/usage`,
      `${baseUrl}/entities/lab/component/sci%2Fapi/usage`,
    ]);
    expect(fetch.mock.calls[1][1]).toEqual({
      headers: { 'If-None-Match': '"u1"' },
    });
  });

  it('reads pod logs as text from the entity logs route', async () => {
    const { client, fetch } = setup(
      () => new Response('line 1\nline 2\n', { status: 200 }),
    );
    const text = await client.getPodLogs({
      entity: { namespace: 'default', kind: 'Component', name: 'science-api' },
      cluster: 'js2-demo',
      podNamespace: 'science',
      pod: 'worker-1',
      container: 'worker',
      previous: true,
      tailLines: 200,
    });
    expect(text).toBe('line 1\nline 2\n');
    expect(String(fetch.mock.calls[0][0])).toBe(
      `${baseUrl}/entities/default/component/science-api/logs?cluster=js2-demo&podNamespace=science&pod=worker-1&container=worker&previous=true&tailLines=200`,
    );
  });

  it('throws the backend error when logs may not be read', async () => {
    const { client } = setup(() =>
      jsonResponse(
        {
          error: { name: 'NotAllowedError', message: 'Not your pod' },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    const error = await client
      .getPodLogs({
        entity: { kind: 'Component', name: 'science-api' },
        cluster: 'js2-demo',
        podNamespace: 'other',
        pod: 'x',
        container: 'y',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toBe('Not your pod');
  });

  it('reads an allocation from its route, encoded, and passes a refusal on', async () => {
    const { client, fetch } = setup(url =>
      url.endsWith('/secret')
        ? jsonResponse(
            { error: { name: 'NotAllowedError', message: 'not yours' } },
            403,
          )
        : jsonResponse({ allocationId: 'cis240017' }),
    );
    await expect(
      client.getAllocation({ name: 'science-gateways-allocation' }),
    ).resolves.toEqual({ allocationId: 'cis240017' });
    await client.getAllocation({ namespace: 'my ns', name: 'a/b' });
    expect(fetch.mock.calls.map(call => String(call[0]))).toEqual([
      `${baseUrl}/allocations/default/science-gateways-allocation`,
      `${baseUrl}/allocations/my%20ns/a%2Fb`,
    ]);
    const refused = await client
      .getAllocation({ name: 'secret' })
      .catch(e => e);
    expect(refused).toBeInstanceOf(ResponseError);
    expect(refused.statusCode).toBe(403);
  });
});
