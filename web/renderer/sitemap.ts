import type { Locale } from '../src/api';

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  lastmod?: string;
  /** Absolute URL of each language version, the page's own included. */
  alternates: Partial<Record<Locale, string>>;
}

const escapeXml = (value: string) =>
  value.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
  );

/** A sitemap (sitemaps.org 0.9) with hreflang alternates (Google's xhtml:link extension). */
export function buildSitemap(entries: SitemapEntry[]): string {
  const urls = entries.map((entry) => {
    const lines = [`    <loc>${escapeXml(entry.loc)}</loc>`];
    if (entry.lastmod) lines.push(`    <lastmod>${escapeXml(entry.lastmod)}</lastmod>`);
    const alternates = Object.entries(entry.alternates);
    if (alternates.length > 1) {
      for (const [hreflang, href] of alternates) {
        lines.push(
          `    <xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeXml(href!)}"/>`,
        );
      }
      if (entry.alternates.en) {
        lines.push(
          `    <xhtml:link rel="alternate" hreflang="x-default" href="${escapeXml(entry.alternates.en)}"/>`,
        );
      }
    }
    return `  <url>\n${lines.join('\n')}\n  </url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: everything but the draft preview, and where the sitemap is. */
export function buildRobotsTxt(siteUrl: string): string {
  return [
    'User-agent: *',
    'Disallow: /preview',
    'Disallow: /es/preview',
    '',
    `Sitemap: ${siteUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
