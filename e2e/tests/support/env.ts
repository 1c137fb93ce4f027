import { appendFileSync } from 'node:fs';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite with \`node run.mjs\`.`);
  return value;
}

/** What run.mjs started: the site, the CMS, the control server and the Editor-role admin. */
export const env = {
  webUrl: required('E2E_WEB_URL'),
  cmsUrl: required('E2E_CMS_URL'),
  controlUrl: required('E2E_CONTROL_URL'),
  editor: {
    email: required('E2E_EDITOR_EMAIL'),
    password: required('E2E_EDITOR_PASSWORD'),
  },
  /** The Clinical reviewer-role admin: the only one who publishes articles. */
  reviewer: {
    email: required('E2E_REVIEWER_EMAIL'),
    password: required('E2E_REVIEWER_PASSWORD'),
  },
  /** nginx in front of the CMS, as editors reach it in production (admin login rate-limited). */
  adminProxyUrl: required('E2E_ADMIN_PROXY_URL'),
  /** A full-access API token, for setting up content through the REST API. */
  apiToken: required('E2E_API_TOKEN'),
};

/** Stops the CMS process (resolves once it has exited). */
export async function stopCms(): Promise<void> {
  await control('/cms/stop');
}

/** Starts the CMS again on the same database (resolves once /_health answers). */
export async function startCms(): Promise<void> {
  await control('/cms/start');
}

/** Empties nginx's cache of the CMS's public reads. */
export async function purgeNginxCache(): Promise<void> {
  await control('/nginx/purge-cache');
}

async function control(path: string): Promise<void> {
  const response = await fetch(new URL(path, env.controlUrl), { method: 'POST' });
  if (response.status !== 204) {
    throw new Error(`control ${path} → ${response.status}: ${await response.text()}`);
  }
}

/** Records a measured duration; run.mjs prints them at the end. Never asserted on. */
export function recordTiming(name: string, ms: number | number[]): void {
  console.log(`[timing] ${name}: ${Array.isArray(ms) ? ms.join(', ') : ms} ms`);
  const file = process.env.E2E_TIMINGS_FILE;
  if (file) appendFileSync(file, `${JSON.stringify({ name, ms })}\n`);
}
