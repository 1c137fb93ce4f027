// @ts-check
// Runs the site's own nginx configuration (web/nginx/default.conf, the template the web image
// renders) outside Docker, with Debian's nginx package: for the e2e suite and the benchmarks.
// The template is rendered the way the nginx image's entrypoint does (envsubst of the listed
// variables only), with the listen port changed, inside a prefix directory of its own.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { rootDir, startProcess, waitFor } from './cms-process.mjs';

const NGINX_DIR = join(rootDir, 'web', 'nginx');
/** The hash of the pages' inline stylesheet, written by the site's build (web/vite.config.ts). */
const CSP_STYLE_SRC = join(rootDir, 'web', 'dist', 'client', '.vite', 'csp-style-src.txt');
const CANDIDATES = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'];
/** The variables the web image substitutes (NGINX_ENVSUBST_FILTER in web/Dockerfile). */
const ENVSUBST_FILTER = /^(CMS_|DNS_|SITE_|CSP_|CACHE_|TRUSTED_PROXY_)/;
/** Sourced by the web image's entrypoint as /docker-entrypoint.d/16-trusted-proxy.envsh. */
const TRUSTED_PROXY_SCRIPT = join(NGINX_DIR, 'trusted-proxy.envsh');

/** The nginx binary; installs Debian's package when missing (as root, like CI). */
export function ensureNginx() {
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo'];
  for (const args of [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'nginx'],
  ]) {
    const [command, ...rest] = [...asRoot, ...args];
    const result = spawnSync(command, rest, {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed: install nginx`);
  }
  const installed = CANDIDATES.find((path) => existsSync(path));
  if (!installed) throw new Error('apt-get did not install nginx');
  return installed;
}

/**
 * The template variables for a trusted front proxy (TRUSTED_PROXY_REAL_IP, TRUSTED_PROXY_GEO),
 * computed by the very script the web image's entrypoint sources (web/nginx/trusted-proxy.envsh).
 * Throws with the script's message when `cidrs` is not acceptable.
 * @param {string} cidrs TRUSTED_PROXY_CIDR: comma-separated addresses/CIDRs, '' or 'none'
 * @returns {{ TRUSTED_PROXY_REAL_IP: string, TRUSTED_PROXY_GEO: string }}
 */
export function trustedProxyValues(cidrs) {
  const result = spawnSync(
    'sh',
    [
      '-c',
      '. "$1" && printf \'%s\\n%s\\n\' "$TRUSTED_PROXY_REAL_IP" "$TRUSTED_PROXY_GEO"',
      'sh',
      TRUSTED_PROXY_SCRIPT,
    ],
    {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TRUSTED_PROXY_CIDR: cidrs },
    },
  );
  if (result.status !== 0) throw new Error(result.stderr.trim() || 'trusted-proxy.envsh failed');
  const [realIp = '', geo = ''] = result.stdout.split('\n');
  return { TRUSTED_PROXY_REAL_IP: realIp, TRUSTED_PROXY_GEO: geo };
}

/**
 * One of web/nginx's templates with its variables filled in, as the web image's entrypoint does,
 * listening on `port` (loopback) instead of the port it declares.
 * @param {'default.conf' | 'cms.conf'} name
 * @param {Record<string, string>} values CMS_UPSTREAM, CMS_PUBLIC_URL, DNS_RESOLVER, SITE_ROOT,
 *   SITE_REDIRECTS_URL, CSP_STYLE_SRC, CACHE_DIR, TRUSTED_PROXY_REAL_IP, TRUSTED_PROXY_GEO
 * @param {number} port
 */
export function renderTemplate(name, values, port) {
  const template = readFileSync(join(NGINX_DIR, name), 'utf8');
  const filled = template.replace(/\$\{([A-Z_]+)\}/g, (whole, variable) => {
    // NGINX_ENVSUBST_FILTER in web/Dockerfile: nginx's own variables are left alone.
    if (!ENVSUBST_FILTER.test(variable)) return whole;
    if (!(variable in values)) throw new Error(`no value for \${${variable}} in web/nginx/${name}`);
    return values[variable];
  });
  return filled
    .replace(/^\s*listen \[::\]:\d+;\n/m, '')
    .replace(/^(\s*)listen \d+;/m, `$1listen 127.0.0.1:${port};`);
}

/**
 * Starts nginx with the site's configuration on `port`, serving `siteRoot` and proxying /api and
 * /uploads to `cmsUrl`, and, with `adminPort`, the CMS's own server (admin login rate-limited) on
 * that port; resolves once /healthz answers. `trustedProxy` is TRUSTED_PROXY_CIDR (default: none,
 * as in production unless configured).
 * `redirectsUrl` is the renderer's hook server, which answers where a missing page moved.
 * @param {{ port: number, adminPort?: number, siteRoot: string, cmsUrl: string, cmsPublicUrl?: string, trustedProxy?: string, redirectsUrl?: string, dir: string, logFile?: string }} options
 */
export async function startNginx({
  port,
  adminPort,
  siteRoot,
  cmsUrl,
  cmsPublicUrl,
  trustedProxy = '',
  redirectsUrl,
  dir,
  logFile,
}) {
  const nginx = ensureNginx();
  mkdirSync(join(dir, 'logs'), { recursive: true });
  mkdirSync(join(dir, 'cache', 'api'), { recursive: true });
  cpSync(join(NGINX_DIR, 'snippets'), join(dir, 'snippets'), { recursive: true });
  const values = {
    CMS_UPSTREAM: cmsUrl,
    CMS_PUBLIC_URL: cmsPublicUrl ?? cmsUrl,
    DNS_RESOLVER: '127.0.0.1',
    SITE_ROOT: siteRoot,
    // The renderer's redirect lookup; without one (a benchmark) nothing answers, and a missing
    // page stays a 404 (port 1 is never listened on).
    SITE_REDIRECTS_URL: redirectsUrl ?? 'http://127.0.0.1:1',
    CSP_STYLE_SRC: readFileSync(CSP_STYLE_SRC, 'utf8').trim(),
    CACHE_DIR: join(dir, 'cache'),
    ...trustedProxyValues(trustedProxy),
  };
  writeFileSync(join(dir, 'site.conf'), renderTemplate('default.conf', values, port));
  writeFileSync(
    join(dir, 'cms.conf'),
    adminPort ? renderTemplate('cms.conf', values, adminPort) : '',
  );
  // The http {} wrapper the nginx image's own nginx.conf provides, with paths in `dir`.
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      // As root, nginx would run its workers as an unprivileged user that cannot read the
      // caller's temporary directories: keep them as the caller.
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'logs', 'error.log')} warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  sendfile on;',
      '  keepalive_timeout 65;',
      `  access_log ${join(dir, 'logs', 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `  ${kind}_temp_path ${join(dir, `${kind}_temp`)};`,
      ),
      '  include site.conf;',
      '  include cms.conf;',
      '}',
      '',
    ].join('\n'),
  );
  const check = spawnSync(nginx, ['-t', '-q', '-p', dir, '-c', 'nginx.conf'], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  const proc = startProcess('nginx', nginx, ['-p', dir, '-c', 'nginx.conf', '-g', 'daemon off;'], {
    logFile,
    output: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor('nginx to answer /healthz', async () => (await fetch(`${url}/healthz`)).ok, {
    proc,
    timeoutMs: 15_000,
  });
  const apiCache = join(values.CACHE_DIR, 'api');
  return Object.assign(proc, {
    url,
    port,
    adminUrl: adminPort ? `http://127.0.0.1:${adminPort}` : undefined,
    /**
     * Empties the cache of the CMS's public reads. nginx keeps the directory it was configured
     * with (it only creates the levels below it), so only its contents go.
     */
    purgeCache() {
      for (const entry of readdirSync(apiCache)) {
        rmSync(join(apiCache, entry), { recursive: true, force: true });
      }
    },
  });
}
