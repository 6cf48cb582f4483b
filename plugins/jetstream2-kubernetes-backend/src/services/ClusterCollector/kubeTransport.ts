import fs from 'node:fs';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import tls from 'node:tls';
import type { ClusterDefinition } from '../ClusterLocator/types';

/** A request that got no answer in time. */
export class KubeTimeoutError extends Error {
  constructor(readonly path: string, readonly timeoutMs: number) {
    super(
      `No answer from the API server within ${Math.round(
        timeoutMs / 1000,
      )} s for ${path}`,
    );
    this.name = 'KubeTimeoutError';
  }
}

/** What a streamed GET (a watch) tells its reader. */
export interface StreamHandlers {
  /** The answer's status, once its headers arrived. */
  onResponse(status: number): void;
  onData(chunk: Buffer): void;
  /** Called once: the server ended the answer (no error), or it failed or was aborted (an error). */
  onEnd(error?: Error): void;
}

/**
 * How the collector talks to one API server. Over TLS it asks for HTTP/2 (ALPN) and then carries every
 * list, health check and watch of the cluster on one connection (a watch is a stream); an API server that
 * answers HTTP/1.1 gets keep-alive connections, one per open watch. Plain `http:` URLs (tests) use
 * HTTP/1.1. The token is sent with every request and never logged.
 */
export interface KubeTransport {
  get(
    path: string,
    timeoutMs: number,
  ): Promise<{ status: number; body: string }>;
  /** A long GET (a watch); `abort()` ends it (onEnd is then called with an AbortError). */
  stream(
    path: string,
    handlers: StreamHandlers,
  ): { abort(reason?: Error): void };
  /** 'h2' or 'http/1.1' once a connection was made. */
  protocol(): 'h2' | 'http/1.1' | undefined;
  /** Connections opened so far (each HTTP/2 session, or each HTTP/1.1 socket). */
  connections(): number;
  /** Closes every connection; later requests open new ones. */
  close(): void;
}

function abortError(): Error {
  return Object.assign(new Error('The request was aborted'), {
    name: 'AbortError',
  });
}

/** The CA bundle named by a cluster definition (caData, else caFile), or undefined for the system's. */
function caOf(cluster: ClusterDefinition): Buffer | undefined {
  if (cluster.caData) return Buffer.from(cluster.caData, 'base64');
  if (cluster.caFile) return fs.readFileSync(cluster.caFile);
  return undefined;
}

/** How often an HTTP/2 connection is pinged; one left unanswered for this long is closed. */
const PING_INTERVAL_MS = 30_000;

export function createKubeTransport(
  cluster: ClusterDefinition,
  options: { connectTimeoutMs: number },
): KubeTransport {
  const url = new URL(cluster.url);
  const secure = url.protocol === 'https:';
  const headers = {
    accept: 'application/json',
    ...(cluster.serviceAccountToken
      ? { authorization: `Bearer ${cluster.serviceAccountToken}` }
      : {}),
  };
  const port = Number(url.port) || (secure ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let secureContext: tls.SecureContext | undefined;
  const tlsOptions = () => {
    secureContext ??= tls.createSecureContext({ ca: caOf(cluster) });
    return {
      secureContext,
      rejectUnauthorized: !cluster.skipTLSVerify,
      ...(net.isIP(host) ? {} : { servername: host }),
    };
  };
  let mode: 'h2' | 'http/1.1' | undefined = secure ? undefined : 'http/1.1';
  let session: http2.ClientHttp2Session | undefined;
  let connecting: Promise<http2.ClientHttp2Session | undefined> | undefined;
  let agent: http.Agent | undefined;
  let opened = 0;

  function keepAlive(s: http2.ClientHttp2Session) {
    let unanswered = false;
    const timer = setInterval(() => {
      if (unanswered) {
        s.destroy(new Error('The API server stopped answering pings'));
        return;
      }
      unanswered = true;
      s.ping(err => {
        if (!err) unanswered = false;
      });
    }, PING_INTERVAL_MS);
    timer.unref();
    s.once('close', () => clearInterval(timer));
  }

  /** The HTTP/2 session, made on first use; undefined when the server speaks HTTP/1.1 only. */
  function h2Session(): Promise<http2.ClientHttp2Session | undefined> {
    if (mode === 'http/1.1') return Promise.resolve(undefined);
    if (session && !session.closed && !session.destroyed) {
      return Promise.resolve(session);
    }
    connecting ??= new Promise<http2.ClientHttp2Session | undefined>(
      (resolve, reject) => {
        opened += 1;
        const socket = tls.connect({
          host,
          port,
          ...tlsOptions(),
          ALPNProtocols: ['h2', 'http/1.1'],
        });
        const fail = (err: Error) => {
          socket.destroy();
          reject(err);
        };
        socket.setTimeout(options.connectTimeoutMs, () =>
          fail(new KubeTimeoutError('(connect)', options.connectTimeoutMs)),
        );
        socket.once('error', fail);
        socket.once('secureConnect', () => {
          socket.setTimeout(0);
          socket.removeListener('error', fail);
          if (socket.alpnProtocol !== 'h2') {
            mode = 'http/1.1';
            socket.destroy();
            resolve(undefined);
            return;
          }
          mode = 'h2';
          socket.setKeepAlive(true, PING_INTERVAL_MS);
          const s = http2.connect(url.origin, {
            createConnection: () => socket,
          });
          // Failures reach the streams; a closed session is replaced on the next request.
          s.on('error', () => undefined);
          const forget = () => {
            if (session === s) session = undefined;
          };
          s.once('close', forget);
          s.once('goaway', forget);
          keepAlive(s);
          session = s;
          resolve(s);
        });
      },
    ).finally(() => {
      connecting = undefined;
    });
    return connecting;
  }

  function h1Request(path: string, timeoutMs?: number) {
    agent ??= secure
      ? new https.Agent({ keepAlive: true, ...tlsOptions() })
      : new http.Agent({ keepAlive: true });
    const mod = secure ? https : http;
    const req = mod.request({
      host,
      port,
      path,
      method: 'GET',
      agent,
      headers,
      ...(timeoutMs ? { timeout: timeoutMs } : {}),
    });
    req.on('socket', s => {
      if (!(s as any).__counted) {
        (s as any).__counted = true;
        opened += 1;
      }
    });
    return req;
  }

  /** Sends a GET and wires the answer to `handlers`; returns how to abort it. */
  function send(
    path: string,
    handlers: StreamHandlers,
    headersTimeoutMs: number,
  ): { abort(reason?: Error): void } {
    let done = false;
    let cancel: (() => void) | undefined;
    let aborted = false;
    const end = (err?: Error) => {
      if (done) return;
      done = true;
      handlers.onEnd(err);
    };
    h2Session()
      .then(s => {
        if (aborted) return;
        if (s) {
          const req = s.request({
            ':method': 'GET',
            ':path': path,
            ...headers,
          });
          const timer = setTimeout(() => {
            req.close(http2.constants.NGHTTP2_CANCEL);
            end(new KubeTimeoutError(path, headersTimeoutMs));
          }, headersTimeoutMs);
          cancel = () => req.close(http2.constants.NGHTTP2_CANCEL);
          req.on('response', h => {
            clearTimeout(timer);
            handlers.onResponse(Number(h[':status']));
          });
          req.on('data', (c: Buffer) => handlers.onData(c));
          req.on('end', () => end());
          req.on('error', err => end(err));
          req.on('close', () => {
            clearTimeout(timer);
            end(aborted ? abortError() : undefined);
          });
          req.end();
          return;
        }
        const req = h1Request(path, headersTimeoutMs);
        cancel = () => req.destroy(abortError());
        req.on('timeout', () =>
          req.destroy(new KubeTimeoutError(path, headersTimeoutMs)),
        );
        req.on('response', res => {
          req.setTimeout(0);
          handlers.onResponse(res.statusCode ?? 0);
          res.on('data', (c: Buffer) => handlers.onData(c));
          res.on('end', () => end());
          res.on('error', err => end(err));
          res.on('close', () => end(aborted ? abortError() : undefined));
        });
        req.on('error', err => end(err));
        req.end();
      })
      .catch(err => end(err));
    return {
      abort(reason) {
        if (aborted || done) return;
        aborted = true;
        end(reason ?? abortError());
        cancel?.();
      },
    };
  }

  return {
    get(path, timeoutMs) {
      return new Promise((resolve, reject) => {
        let status = 0;
        // decoded as it comes: no second copy of the whole answer outside the JS heap
        const decoder = new StringDecoder('utf8');
        let body = '';
        let handle: { abort(reason?: Error): void } | undefined = undefined;
        // the whole answer, not only its headers, must come in time
        const timer = setTimeout(
          () => handle?.abort(new KubeTimeoutError(path, timeoutMs)),
          timeoutMs,
        );
        handle = send(
          path,
          {
            onResponse: code => {
              status = code;
            },
            onData: c => {
              body += decoder.write(c);
            },
            onEnd: err => {
              clearTimeout(timer);
              if (err) reject(err);
              else resolve({ status, body: body + decoder.end() });
            },
          },
          timeoutMs,
        );
      });
    },
    stream: (path, handlers) => send(path, handlers, options.connectTimeoutMs),
    protocol: () => mode,
    connections: () => opened,
    close() {
      session?.destroy();
      session = undefined;
      agent?.destroy();
      agent = undefined;
      if (secure) mode = undefined;
    },
  };
}
