import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { Core } from '@strapi/strapi';
import supertest from 'supertest';
import { generateSecrets } from '../../../scripts/lib/cms-process.mjs';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './database';

// Strapi's ESM build does not load under Vitest; its CommonJS build does.
const requireCjs = createRequire(import.meta.url);
const { createStrapi } = requireCjs('@strapi/strapi') as typeof import('@strapi/strapi');

export const APP_DIR = resolve(__dirname, '..', '..');
export const DIST_DIR = join(APP_DIR, 'dist');

export const databaseKind = (process.env.TEST_DB ?? 'sqlite') as DatabaseKind;

// Fresh secrets per test file, generated as for a CMS started as a process (cms-process.mjs).
const TEST_SECRETS = generateSecrets();

export interface RunningCms {
  strapi: Core.Strapi;
  request: ReturnType<typeof supertest>;
  stop(): Promise<void>;
}

// strapi.destroy() calls process.removeAllListeners(), which would cut Vitest's worker IPC: every
// listener present before the boot is put back after the shutdown.
function saveProcessListeners() {
  return process.eventNames().map((event) => [event, process.rawListeners(event)] as const);
}

/** Boots the compiled CMS in-process on `db` and mounts its HTTP server (not listening). */
export async function startCms(
  db: TestDatabase,
  env: Record<string, string> = {},
): Promise<RunningCms> {
  Object.assign(process.env, { NODE_ENV: 'test', HOST: '127.0.0.1' }, TEST_SECRETS, db.env, env);
  const saved = saveProcessListeners();
  const strapi = await createStrapi({
    appDir: APP_DIR,
    distDir: DIST_DIR,
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  strapi.server.mount();
  return {
    strapi,
    request: supertest(strapi.server.httpServer),
    async stop() {
      await strapi.destroy();
      for (const [event, listeners] of saved) {
        for (const listener of listeners) {
          if (!process.rawListeners(event).includes(listener)) {
            process.on(event as string, listener as (...args: unknown[]) => void);
          }
        }
      }
    },
  };
}

/** A fresh database with a seeded CMS on it, for suites that only read. */
export async function startSeededCms(): Promise<RunningCms & { db: TestDatabase }> {
  const db = await createTestDatabase(databaseKind);
  const cms = await startCms(db);
  return {
    ...cms,
    db,
    async stop() {
      await cms.stop();
      await db.drop();
    },
  };
}
