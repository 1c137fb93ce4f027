import { secretProblem } from '@clinic/contract';

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

/** The secrets whose strength is checked: the required ones, and the renderer's once it is used. */
function secretsInUse(env: NodeJS.ProcessEnv): string[] {
  const hookUrls = (env.RENDERER_HOOK_URL ?? '').split(',').filter((url) => url.trim() !== '');
  return [...REQUIRED_SECRETS, ...(hookUrls.length > 0 ? ['RENDER_HOOK_SECRET'] : [])];
}

/**
 * Placeholder or short secrets (@clinic/contract's secretProblem): in production the CMS refuses to
 * start and names each one (a `change-me-…` value copied from .env.example would otherwise sign
 * admin sessions and preview links with a key anyone can read on GitHub); elsewhere each is a
 * warning, so a developer's hand-written cms/.env still starts. Missing secrets are
 * assertSecretsPresent's.
 */
export function checkSecretStrength(
  env: NodeJS.ProcessEnv,
  { production, warn }: { production: boolean; warn: (message: string) => void },
): void {
  const problems = secretsInUse(env)
    .filter((name) => env[name]?.trim())
    .map((name) => secretProblem(name, env[name]!))
    .filter((problem): problem is string => problem !== null);
  if (problems.length === 0) return;
  if (production) {
    throw new Error(
      `Weak secret(s), refused in production (NODE_ENV=production):\n- ${problems.join('\n- ')}`,
    );
  }
  for (const problem of problems) warn(`[secrets] ${problem} (refused in production)`);
}
