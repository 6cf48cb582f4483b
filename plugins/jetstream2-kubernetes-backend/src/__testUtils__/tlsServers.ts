import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http2 from 'node:http2';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * TLS servers on loopback for the collector's transport tests: one that speaks HTTP/2 (and HTTP/1.1, as a
 * kube-apiserver does) and one that speaks HTTP/1.1 only, with a throwaway self-signed certificate for
 * 127.0.0.1 made by the openssl command line (Debian's openssl package).
 */
export interface TestTlsServer {
  url: string;
  /** The certificate, base64 (a cluster definition's caData). */
  caData: string;
  /** TLS connections accepted so far. */
  connections(): number;
  /** Closes every open connection (the server keeps listening). */
  dropConnections(): void;
  close(): Promise<void>;
}

/** What the handlers of these servers use of a request and a response (HTTP/1.1 and HTTP/2 alike). */
export type TestHandler = (
  req: { url?: string; headers: Record<string, string | string[] | undefined> },
  res: {
    writeHead(status: number, headers?: Record<string, string>): unknown;
    write(chunk: string): unknown;
    end(chunk?: string): unknown;
  },
) => void;

let certificate: { key: Buffer; cert: Buffer } | undefined;

function selfSigned() {
  if (certificate) return certificate;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'js2k8s-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-days',
        '1',
        '-nodes',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    certificate = {
      key: fs.readFileSync(path.join(dir, 'key.pem')),
      cert: fs.readFileSync(path.join(dir, 'cert.pem')),
    };
    return certificate;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A TLS server speaking HTTP/2 (with HTTP/1.1 allowed), or HTTP/1.1 only. */
export async function startTlsServer(
  protocol: 'h2' | 'http/1.1',
  handler: TestHandler,
): Promise<TestTlsServer> {
  const { key, cert } = selfSigned();
  const server =
    protocol === 'h2'
      ? http2.createSecureServer(
          { key, cert, allowHTTP1: true },
          handler as any,
        )
      : https.createServer({ key, cert }, handler as any);
  let count = 0;
  const sockets = new Set<import('node:net').Socket>();
  server.on('secureConnection', socket => {
    count += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // a dropped connection's errors mean nothing to the test
  server.on('sessionError', () => undefined);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    caData: cert.toString('base64'),
    connections: () => count,
    dropConnections() {
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
