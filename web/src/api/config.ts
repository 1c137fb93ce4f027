/** Base URL of the CMS without a trailing slash; '' means same origin (`/api/...`). */
export const cmsBaseUrl: string = (import.meta.env.VITE_CMS_URL ?? '').replace(/\/+$/, '');

/** Request timeout: a hung CMS must not hang the page. */
export const REQUEST_TIMEOUT_MS = 8000;

/**
 * Absolute URL for a media file. Relative upload paths (`/uploads/...`) are served by the CMS.
 * Returns undefined for anything that is not http(s) or a site-relative path.
 */
export function mediaUrl(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return cmsBaseUrl + trimmed;
  return undefined;
}
