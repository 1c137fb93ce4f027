import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const requireCjs = createRequire(import.meta.url);

/** Compiles the CMS's TypeScript into dist/ once, before any suite boots it. */
export default async function setup(): Promise<void> {
  const { compileStrapi } = requireCjs('@strapi/strapi') as typeof import('@strapi/strapi');
  await compileStrapi({ appDir: resolve(__dirname, '..') });
}
