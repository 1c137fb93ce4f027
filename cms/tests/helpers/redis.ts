import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Server, type Socket } from 'node:net';
import Redis from 'ioredis';
import { freePort, sleep } from '../../../scripts/lib/cms-process.mjs';

/**
 * Redis for the response-cache tests: a throwaway `redis-server` each test file can stop and start
 * again on the same port (the machine's own Redis serves other suites and must not be stopped), a
 * TCP proxy that can cut a client off while Redis keeps its data (a network partition), and
 * clean-up of a key prefix on a shared Redis.
 */

async function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    // A server that requires a password answers PING with -NOAUTH: it is up all the same.
    socket.on('data', (data) => done(/^(\+PONG|-NOAUTH)/.test(data.toString())));
  });
}

export interface ThrowawayRedis {
  port: number;
  url(db?: number): string;
  /** Starts the server (again) on its port, without persistence; resolves once it answers. */
  start(): Promise<void>;
  /** Kills the server (as a crash would) and waits until it is gone. */
  stop(): Promise<void>;
  /** SIGSTOP / SIGCONT: the server keeps its connections but answers nothing (a hung Redis). */
  freeze(): void;
  thaw(): void;
}

export interface ThrowawayRedisOptions {
  /** `--requirepass`: the default user's password. */
  password?: string;
  /** More redis-server arguments, e.g. `['--maxmemory', '2mb']`. */
  args?: string[];
}

export async function startThrowawayRedis(
  options: ThrowawayRedisOptions = {},
): Promise<ThrowawayRedis> {
  const port = await freePort();
  const auth = options.password === undefined ? [] : ['--requirepass', options.password];
  const more = options.args ?? [];
  let child: ChildProcess | null = null;
  const server: ThrowawayRedis = {
    port,
    url: (db = 0) => `redis://127.0.0.1:${port}/${db}`,
    async start() {
      if (child) return;
      child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          ...auth,
          ...more,
        ],
        { stdio: 'ignore' },
      );
      const started = child;
      started.on('exit', () => {
        if (child === started) child = null;
      });
      for (let attempt = 0; attempt < 100; attempt += 1) {
        if (await pings(port)) return;
        if (child !== started) throw new Error('redis-server exited at start (is it installed?)');
        await sleep(50);
      }
      throw new Error(`redis-server did not answer on port ${port}`);
    },
    async stop() {
      const running = child;
      if (!running) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGCONT');
      running.kill('SIGKILL');
      await exited;
    },
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
  };
  await server.start();
  return server;
}

/** A TCP proxy to Redis that can cut every client off (and refuse new ones) until healed. */
export async function startRedisProxy(targetPort: number) {
  const sockets = new Set<Socket>();
  let cut = false;
  const server: Server = createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  return {
    url: (db = 0) => `redis://127.0.0.1:${port}/${db}`,
    cut() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    heal() {
      cut = false;
    },
    async close() {
      this.cut();
      await new Promise((closed) => server.close(closed));
    },
  };
}

/** Every key under `prefix` on the Redis at `url`, with its value. */
export async function redisEntries(
  url: string,
  prefix: string,
): Promise<Array<{ key: string; value: string }>> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    const values = keys.length > 0 ? await client.mget(keys) : [];
    return keys.map((key, index) => ({ key, value: values[index] ?? '' }));
  } finally {
    client.disconnect();
  }
}

/** Deletes every key under `prefix` (clean-up after a test file on a shared Redis). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await client.del(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
