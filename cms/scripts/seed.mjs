#!/usr/bin/env node
// `pnpm seed [--force] [--no-build]`: runs the seed on demand against the configured database.
// --no-build reuses the compiled dist/ instead of compiling first.
// Without --force it refuses once the seed has run (or when content exists), so editors' changes
// and deletions are never clobbered. --force restores the seed entries and re-creates missing ones.
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const force = process.argv.includes('--force');
process.env.SEED_ON_START = 'false';

const appDir = process.cwd();
const context = process.argv.includes('--no-build')
  ? { appDir, distDir: join(appDir, 'dist') }
  : await compileStrapi({ appDir });
const strapi = await createStrapi({ ...context, serveAdminPanel: false }).load();
const { seed } = require(join(context.distDir, 'src', 'seed', 'index.js'));

let exitCode = 0;
try {
  const outcome = await seed(strapi, { force });
  if (outcome.status === 'seeded') {
    console.log(
      force
        ? 'Seed entries restored.'
        : outcome.types
          ? `Seed content created for the types it lacked: ${outcome.types.join(', ')}.`
          : 'Seed content created.',
    );
  } else {
    exitCode = 1;
    const why =
      outcome.reason === 'already-seeded'
        ? `the seed already ran (${outcome.seededAt})`
        : 'the database already holds content the seed did not create';
    console.error(
      `Refusing to seed: ${why}. Editors' changes are kept.\n` +
        'Run `pnpm seed --force` to restore the seed entries (overwriting edits to them).',
    );
  }
} finally {
  await strapi.destroy();
}
process.exit(exitCode);
