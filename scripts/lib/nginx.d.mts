// Types for nginx.mjs (hand-written: keep the two in step).
import type { ManagedProcess } from './cms-process.d.mts';

/** The nginx binary; installs Debian's package when missing (as root). */
export function ensureNginx(): string;

/** What web/nginx/trusted-proxy.envsh exports for a TRUSTED_PROXY_CIDR; throws on a bad one. */
export function trustedProxyValues(cidrs: string): {
  TRUSTED_PROXY_REAL_IP: string;
  TRUSTED_PROXY_GEO: string;
};

/** One of web/nginx's templates, rendered as the web image does, listening on `port`. */
export function renderTemplate(
  name: 'default.conf' | 'cms.conf',
  values: Record<string, string>,
  port: number,
): string;

export interface StartNginxOptions {
  /** The site's port (loopback). */
  port: number;
  /** The CMS's own server (cms.conf) on this port, when given. */
  adminPort?: number;
  /** The prerendered site. */
  siteRoot: string;
  /** Where nginx reaches the CMS (CMS_UPSTREAM). */
  cmsUrl: string;
  /** CMS_PUBLIC_URL (frame-ancestors); default `cmsUrl`. */
  cmsPublicUrl?: string;
  /** TRUSTED_PROXY_CIDR; default none. */
  trustedProxy?: string;
  /** nginx's prefix directory (configuration, logs, cache). */
  dir: string;
  logFile?: string;
}

export interface NginxProcess extends ManagedProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** http://127.0.0.1:<adminPort>, when started with one. */
  adminUrl: string | undefined;
  /** Empties the cache of the CMS's public reads. */
  purgeCache(): void;
}

export function startNginx(options: StartNginxOptions): Promise<NginxProcess>;
