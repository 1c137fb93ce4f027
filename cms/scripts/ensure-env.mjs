#!/usr/bin/env node
// Writes per-install secrets into cms/.env for local runs when they are missing. Never used in
// production, where the secrets must come from the environment.
//
// --first-admin (npm start): also a local first admin, ADMIN_EMAIL and ADMIN_PASSWORD. `npm start`
// runs the CMS in production mode, where Strapi's registration screen is closed
// (src/bootstrap/first-admin.ts); the CMS creates this admin at its first start.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const envFile = join(dirname(fileURLToPath(import.meta.url)), '..', '.env');
const secret = () => randomBytes(32).toString('base64');
const generators = {
  APP_KEYS: () => [secret(), secret(), secret(), secret()].join(','),
  API_TOKEN_SALT: secret,
  ADMIN_JWT_SECRET: secret,
  TRANSFER_TOKEN_SALT: secret,
  JWT_SECRET: secret,
  ENCRYPTION_KEY: secret,
  PREVIEW_SECRET: secret,
  // Signs the notifications to the renderer (needed once RENDERER_HOOK_URL is set); give the
  // renderer the same value.
  RENDER_HOOK_SECRET: secret,
};

// Strapi's password rules: 8 to 72 bytes with a lowercase and an uppercase letter and a digit.
const adminPassword = () => `${randomBytes(18).toString('base64url')}-Aa1`;
if (process.argv.includes('--first-admin')) {
  Object.assign(generators, {
    ADMIN_EMAIL: () => 'admin@example.com',
    ADMIN_PASSWORD: adminPassword,
  });
}

const current = existsSync(envFile) ? readFileSync(envFile, 'utf8') : '';
const defined = new Set(
  current
    .split('\n')
    .map((line) => line.match(/^\s*([A-Z0-9_]+)\s*=\s*\S/)?.[1])
    .filter(Boolean),
);
const added = Object.entries(generators)
  .filter(([name]) => !defined.has(name))
  .map(([name, generate]) => `${name}=${generate()}`);

if (added.length > 0) {
  const prefix = current && !current.endsWith('\n') ? '\n' : '';
  writeFileSync(envFile, `${current}${prefix}${added.join('\n')}\n`, { mode: 0o600 });
  // On stderr: stdout belongs to the command run after it (e.g. `health --json`).
  console.error(`[ensure-env] generated ${added.length} setting(s) into cms/.env`);
}
