import { ResponseError } from '@backstage/errors';
import { Jetstream2KubernetesClient } from './Jetstream2KubernetesClient';

const baseUrl = 'http://backend.test/api/jetstream2-kubernetes';

function setup(respond: (url: string) => Response) {
  const fetch = jest.fn(async (input: RequestInfo | URL) =>
    respond(String(input)),
  );
  const client = new Jetstream2KubernetesClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
    fetchApi: { fetch },
  });
  return { client, fetch };
}

describe('Jetstream2KubernetesClient.getClusterCapacity', () => {
  it("reads a cluster's free room from its capacity route, encoding the name", async () => {
    const capacity = {
      cluster: 'js2 demo',
      status: 'ok',
      groups: [],
      unavailableNodes: 0,
    };
    const { client, fetch } = setup(
      () =>
        new Response(JSON.stringify(capacity), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    await expect(client.getClusterCapacity('js2 demo')).resolves.toEqual(
      capacity,
    );
    expect(fetch.mock.calls.map(c => String(c[0]))).toEqual([
      `${baseUrl}/clusters/js2%20demo/capacity`,
    ]);
  });

  it('throws a ResponseError with the status when the backend refuses', async () => {
    const { client } = setup(
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'NotAllowedError', message: 'not allowed' },
            response: { statusCode: 403 },
          }),
          { status: 403, statusText: 'Forbidden' },
        ),
    );
    const error = await client.getClusterCapacity('js2-demo').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
  });
});
