import { Watch, type KubeConfig } from '@kubernetes/client-node';
import { StringDecoder } from 'node:string_decoder';
import type { KubeTransport } from './kubeTransport';

/** A watch that ended before it said anything: treated as a failure, so the informer backs off. */
export class WatchEndedEarlyError extends Error {
  constructor(readonly path: string) {
    super(`The API server closed the watch of ${path} at once`);
    this.name = 'WatchEndedEarlyError';
  }
}

export interface TransportWatchOptions {
  /** The server ends each watch after a random time in [min, 2 × min) seconds (client-go does the same). */
  minWatchSeconds: number;
  /** A watch that ends without an event within this many ms counts as a failure. */
  earlyEndMs: number;
  /** Applied to each event's object before the informer sees it (ERROR and BOOKMARK objects excepted). */
  transform?: (object: any) => any;
}

/**
 * @kubernetes/client-node's Watch, over the collector's own transport: the same contract for its
 * ListWatch (callback per event, `done` once, an abortable handle), but on the cluster's one HTTP/2
 * connection instead of a TLS connection per watch, with bookmarks (so a quiet type's resource version
 * stays fresh and a reconnect resumes rather than relists), a server-side timeout, and failures that
 * client-node passes on as a normal end (an immediate close, an ERROR event other than 410 Gone)
 * reported as errors, so they get the informer's back-off instead of an immediate reconnect.
 */
export class TransportWatch extends Watch {
  constructor(
    kubeConfig: KubeConfig,
    private readonly transport: KubeTransport,
    private readonly options: TransportWatchOptions,
  ) {
    super(kubeConfig);
  }

  async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: any, watchObj?: any) => void,
    done: (err: any) => void,
  ): Promise<AbortController> {
    const { minWatchSeconds, earlyEndMs } = this.options;
    const q = new URLSearchParams({
      watch: 'true',
      allowWatchBookmarks: 'true',
      timeoutSeconds: String(Math.round(minWatchSeconds * (1 + Math.random()))),
    });
    for (const [k, v] of Object.entries(queryParams ?? {})) {
      if (v !== undefined) q.set(k, String(v));
    }
    const started = Date.now();
    const decoder = new StringDecoder('utf8');
    const controller = new AbortController();
    let status = 0;
    let events = 0;
    let buffer = '';
    let errorBody = '';
    let finished = false;
    const finish = (err: unknown) => {
      if (finished) return;
      finished = true;
      done(err);
    };
    let handle: { abort(reason?: Error): void } | undefined = undefined;
    const line = (text: string) => {
      if (!text.trim()) return;
      let data: any;
      try {
        data = JSON.parse(text);
      } catch {
        return; // as client-node: a line that is not JSON is skipped
      }
      events += 1;
      const code = data?.object?.code;
      if (data?.type === 'ERROR' && code !== 410) {
        handle?.abort(
          Object.assign(new Error(data.object?.message ?? 'watch error'), {
            statusCode: code,
          }),
        );
        return;
      }
      const { transform } = this.options;
      const object =
        transform && data?.type !== 'BOOKMARK' && data?.type !== 'ERROR'
          ? transform(data.object)
          : data.object;
      callback(data.type, object, data);
    };
    handle = this.transport.stream(`${path}?${q}`, {
      onResponse: s => {
        status = s;
      },
      onData: chunk => {
        if (status !== 200) {
          errorBody += chunk.toString('utf8').slice(0, 500);
          return;
        }
        buffer += decoder.write(chunk);
        let i = buffer.indexOf('\n');
        while (i >= 0 && !finished) {
          line(buffer.slice(0, i));
          buffer = buffer.slice(i + 1);
          i = buffer.indexOf('\n');
        }
      },
      onEnd: err => {
        if (err) {
          finish(err);
        } else if (status !== 200) {
          finish(
            Object.assign(new Error(`HTTP ${status} ${errorBody}`.trim()), {
              statusCode: status,
            }),
          );
        } else {
          line(buffer + decoder.end());
          if (events === 0 && Date.now() - started < earlyEndMs) {
            finish(new WatchEndedEarlyError(path));
          } else {
            finish(null);
          }
        }
      },
    });
    controller.signal.addEventListener('abort', () => handle?.abort());
    return controller;
  }
}
