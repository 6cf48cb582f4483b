import { KubeConfig } from '@kubernetes/client-node';
import type { KubeTransport, StreamHandlers } from './kubeTransport';
import { TransportWatch, WatchEndedEarlyError } from './transportWatch';

/** A transport whose one stream the test drives: it answers, sends chunks and ends when told. */
function scriptedTransport() {
  const state: {
    path?: string;
    handlers?: StreamHandlers;
    aborted: boolean;
  } = { aborted: false };
  const transport = {
    stream(path: string, handlers: StreamHandlers) {
      state.path = path;
      state.handlers = handlers;
      return {
        abort(reason?: Error) {
          state.aborted = true;
          handlers.onEnd(
            reason ??
              Object.assign(new Error('aborted'), { name: 'AbortError' }),
          );
        },
      };
    },
  } as unknown as KubeTransport;
  return { transport, state };
}

async function watchWith(options: { earlyEndMs?: number } = {}) {
  const { transport, state } = scriptedTransport();
  const kc = new KubeConfig();
  const watch = new TransportWatch(kc, transport, {
    minWatchSeconds: 300,
    earlyEndMs: options.earlyEndMs ?? 60_000,
    transform: (o: any) => ({ ...o, trimmed: true }),
  });
  const events: Array<[string, any]> = [];
  const done = jest.fn();
  const controller = await watch.watch(
    '/api/v1/pods',
    { resourceVersion: '42', labelSelector: undefined },
    (type, obj) => events.push([type, obj]),
    done,
  );
  return { state, events, done, controller };
}

const line = (type: string, object: object) =>
  `${JSON.stringify({ type, object })}\n`;

describe('TransportWatch', () => {
  it('asks for bookmarks and a server-side timeout, and hands each event, transformed, to the informer', async () => {
    const { state, events, done } = await watchWith();
    const url = new URL(`http://x${state.path}`);
    expect(url.pathname).toBe('/api/v1/pods');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      watch: 'true',
      allowWatchBookmarks: 'true',
      timeoutSeconds: expect.stringMatching(/^\d+$/),
      resourceVersion: '42',
    });
    const timeout = Number(url.searchParams.get('timeoutSeconds'));
    expect(timeout).toBeGreaterThanOrEqual(300);
    expect(timeout).toBeLessThan(600);

    const h = state.handlers!;
    h.onResponse(200);
    // a line split across chunks, in the middle of a two-byte character
    const added = Buffer.from(line('ADDED', { metadata: { name: 'café' } }));
    const cut = added.indexOf(0xc3) + 1;
    h.onData(added.subarray(0, cut));
    h.onData(
      Buffer.concat([
        added.subarray(cut),
        Buffer.from(line('BOOKMARK', { metadata: { resourceVersion: '50' } })),
      ]),
    );
    h.onEnd();
    expect(events).toEqual([
      ['ADDED', { metadata: { name: 'café' }, trimmed: true }],
      ['BOOKMARK', { metadata: { resourceVersion: '50' } }],
    ]);
    expect(done).toHaveBeenCalledWith(null);
  });

  it('passes a 410 Gone event on (the informer relists) and ends normally', async () => {
    const { state, events, done } = await watchWith();
    state.handlers!.onResponse(200);
    state.handlers!.onData(
      Buffer.from(line('ERROR', { code: 410, message: 'too old' })),
    );
    state.handlers!.onEnd();
    expect(events).toEqual([['ERROR', { code: 410, message: 'too old' }]]);
    expect(done).toHaveBeenCalledWith(null);
  });

  it('reports any other ERROR event as a failure with its code, and stops reading', async () => {
    const { state, events, done } = await watchWith();
    state.handlers!.onResponse(200);
    state.handlers!.onData(
      Buffer.from(
        line('ERROR', { code: 500, message: 'etcd is sad' }) +
          line('ADDED', { metadata: { name: 'late' } }),
      ),
    );
    expect(state.aborted).toBe(true);
    expect(events).toEqual([]);
    expect(done).toHaveBeenCalledTimes(1);
    expect(done.mock.calls[0][0]).toMatchObject({
      message: 'etcd is sad',
      statusCode: 500,
    });
  });

  it('reports an answer other than 200 with its status, as client-node does', async () => {
    const { state, done } = await watchWith();
    state.handlers!.onResponse(401);
    state.handlers!.onData(Buffer.from('{"kind":"Status","code":401}'));
    state.handlers!.onEnd();
    expect(done.mock.calls[0][0]).toMatchObject({ statusCode: 401 });
    expect(done.mock.calls[0][0].message).toContain('HTTP 401');
  });

  it('reports a watch closed at once without an event as a failure, so the informer backs off', async () => {
    const quick = await watchWith();
    quick.state.handlers!.onResponse(200);
    quick.state.handlers!.onEnd();
    expect(quick.done.mock.calls[0][0]).toBeInstanceOf(WatchEndedEarlyError);

    // the same end after the early window is a normal end (the server's timeout)
    const late = await watchWith({ earlyEndMs: 0 });
    late.state.handlers!.onResponse(200);
    late.state.handlers!.onEnd();
    expect(late.done).toHaveBeenCalledWith(null);
  });

  it('aborts the stream when the informer aborts the watch, calling done once', async () => {
    const { state, done, controller } = await watchWith();
    state.handlers!.onResponse(200);
    controller.abort();
    expect(state.aborted).toBe(true);
    state.handlers!.onEnd();
    expect(done).toHaveBeenCalledTimes(1);
    expect(done.mock.calls[0][0].name).toBe('AbortError');
  });
});
