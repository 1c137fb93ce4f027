/** The secrets Strapi signs and encrypts with (PREVIEW_SECRET: draft preview links). They are generated per install, never committed. */
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'PREVIEW_SECRET',
] as const;

/**
 * Fails fast, naming every missing secret, instead of letting Strapi start half-configured.
 * Locally `pnpm start` (cms/scripts/ensure-env.mjs) writes them into cms/.env; in production they
 * must come from the environment.
 */
export function assertSecretsPresent(env: NodeJS.ProcessEnv = process.env): void {
  const missing = REQUIRED_SECRETS.filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new Error(
      `Missing required secret(s): ${missing.join(', ')}. ` +
        'Set them in the environment (generate each with `openssl rand -base64 32`; APP_KEYS is a ' +
        'comma-separated list of such values). For a local run, `node cms/scripts/ensure-env.mjs` ' +
        'writes them into cms/.env.',
    );
  }
}
