/**
 * Two clusters that misbehave, for the back-off figures: a dead one (accepts a TCP connection and drops
 * it at once) and a flapping one (a TCP proxy to the API server; once told to flap, it is up for `upMs`,
 * then drops every connection and refuses new ones for `downMs`, and so on). Both count the connections
 * they are offered.
 */
import net from 'node:net';
import type { Run } from '../run';

export interface FaultyCluster {
  url: string;
  /** Starts flapping (the flapping cluster only; up until then). */
  flap?(): void;
  /** Connections offered since the start (or the last reset). */
  connections(): number;
  reset(): void;
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>(r => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as net.AddressInfo).port;
}

export async function startDeadCluster(run: Run): Promise<FaultyCluster> {
  let count = 0;
  const server = net.createServer(socket => {
    count += 1;
    socket.destroy();
  });
  const port = await listen(server);
  run.onCleanup('dead cluster', () => new Promise(r => server.close(r)));
  return {
    url: `https://127.0.0.1:${port}`,
    connections: () => count,
    reset: () => {
      count = 0;
    },
  };
}

export async function startFlappingCluster(
  run: Run,
  targetPort: number,
  upMs: number,
  downMs: number,
): Promise<FaultyCluster> {
  let count = 0;
  let up = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer(client => {
    count += 1;
    if (!up) {
      client.destroy();
      return;
    }
    const target = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, target]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(target).pipe(client);
    client.on('close', () => target.destroy());
    target.on('close', () => client.destroy());
  });
  const port = await listen(server);
  let timer: NodeJS.Timeout | undefined;
  const flip = () => {
    up = !up;
    if (!up) for (const s of sockets) s.destroy();
    timer = setTimeout(flip, up ? upMs : downMs);
    timer.unref();
  };
  run.onCleanup('flapping cluster', async () => {
    clearTimeout(timer);
    for (const s of sockets) s.destroy();
    await new Promise(r => server.close(r));
  });
  return {
    url: `https://127.0.0.1:${port}`,
    flap() {
      if (!timer) flip();
    },
    connections: () => count,
    reset: () => {
      count = 0;
    },
  };
}
