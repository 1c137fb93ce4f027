import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCmsApi, type HttpCmsApi } from '../src/api';
import { createHttpClient } from '../src/api/client';
import { renderPage } from '../src/entry-server';
import { planFor, pagesTouched, type ContentChange } from './changes';
import { copyFileAtomic, listFiles, removeFile, writeFileAtomic } from './files';
import { alternatesOf, lastModified, sitePages, type SitePage } from './routes';
import { buildRobotsTxt, buildSitemap } from './sitemap';
import { fetchSnapshot, refreshSnapshot, snapshotApi, type Snapshot } from './snapshot';

export interface SiteRendererOptions {
  /** The CMS the content is read from (its public API, as a visitor reads it). */
  cmsUrl: string;
  /** The site's public origin, for canonical links, hreflang and the sitemap. */
  siteUrl: string;
  /** Where the site's files are written (what the web server serves). */
  outDir: string;
  /** The built browser app (`dist/client`): its index.html is the page template. */
  clientDir: string;
  log?: (message: string) => void;
}

export interface RenderReport {
  full: boolean;
  pages: number;
  removed: number;
  /** Pages that failed and kept their last good version. */
  failed: number;
  ms: number;
}

/**
 * Renders the site into files. A full render fetches every published entry and writes every
 * page; a render for changes fetches what changed and writes the pages that show it. Either way
 * a page is written only once it rendered completely (a failed page keeps its last version), and
 * a failed fetch writes nothing.
 */
export function createSiteRenderer(options: SiteRendererOptions) {
  const log = options.log ?? ((message: string) => console.log(`[renderer] ${message}`));
  const siteUrl = options.siteUrl.replace(/\/+$/, '');
  const api: HttpCmsApi = createCmsApi(createHttpClient(options.cmsUrl));
  let snapshot: Snapshot | null = null;
  let template: Promise<string> | null = null;

  function loadTemplate() {
    template ??= readFile(join(options.clientDir, 'index.html'), 'utf8');
    return template;
  }

  /**
   * The built app's files (scripts, styles, icons) beside the pages. Hashed files from earlier
   * builds are kept, so a visitor with an older page still gets its scripts.
   */
  async function copyClientFiles(): Promise<void> {
    for (const file of await listFiles(options.clientDir)) {
      if (file === 'index.html' || file.startsWith('.vite/')) continue;
      await copyFileAtomic(join(options.clientDir, file), options.outDir, file);
    }
  }

  async function renderPages(pages: SitePage[], content: Snapshot): Promise<number> {
    const templateHtml = await loadTemplate();
    const pageApi = snapshotApi(content);
    let failed = 0;
    for (const page of pages) {
      try {
        const rendered = await renderPage(page.path, {
          api: pageApi,
          siteUrl,
          template: templateHtml,
        });
        if (page.kind !== '404' && rendered.routeName === 'not-found') {
          throw new Error('rendered as "not found"');
        }
        await writeFileAtomic(options.outDir, page.file, rendered.html);
      } catch (error) {
        failed += 1;
        log(`could not render ${page.path} (kept its last version): ${describe(error)}`);
      }
    }
    return failed;
  }

  async function writeSitemap(pages: SitePage[], content: Snapshot): Promise<void> {
    const entries = pages
      .filter((page) => page.listed)
      .map((page) => ({
        loc: siteUrl + page.path,
        lastmod: lastModified(page, content),
        alternates: Object.fromEntries(
          Object.entries(alternatesOf(page, content)).map(([l, path]) => [l, siteUrl + path]),
        ),
      }));
    await writeFileAtomic(options.outDir, 'sitemap.xml', buildSitemap(entries));
    await writeFileAtomic(options.outDir, 'robots.txt', buildRobotsTxt(siteUrl));
  }

  /** Pages of the old site that the new one does not have (an unpublished article's). */
  async function removeStalePages(keep: SitePage[]): Promise<number> {
    const wanted = new Set(keep.map((page) => page.file));
    const stale = (await listFiles(options.outDir)).filter(
      (file) => file.endsWith('.html') && !file.startsWith('assets/') && !wanted.has(file),
    );
    for (const file of stale) await removeFile(options.outDir, file);
    return stale.length;
  }

  async function renderAll(): Promise<RenderReport> {
    const started = Date.now();
    const content = await fetchSnapshot(api);
    await copyClientFiles();
    const pages = sitePages(content);
    const failed = await renderPages(pages, content);
    await writeSitemap(pages, content);
    const removed = await removeStalePages(pages);
    snapshot = content;
    return { full: true, pages: pages.length - failed, removed, failed, ms: Date.now() - started };
  }

  /** Renders what `changes` touch; a full render when there is no snapshot yet. */
  async function renderChanges(changes: ContentChange[]): Promise<RenderReport> {
    const plan = planFor(changes);
    if (!snapshot || plan.full) return renderAll();
    const started = Date.now();
    const before = snapshot;
    const after = await refreshSnapshot(api, before, plan.refresh);
    const pages = sitePages(after);
    const touched = pagesTouched(plan.refresh, pages, before, after);
    const failed = await renderPages(touched, after);
    await writeSitemap(pages, after);
    const kept = new Set(pages.map((page) => page.file));
    const gone = sitePages(before).filter((page) => !kept.has(page.file));
    for (const page of gone) await removeFile(options.outDir, page.file);
    snapshot = after;
    return {
      full: false,
      pages: touched.length - failed,
      removed: gone.length,
      failed,
      ms: Date.now() - started,
    };
  }

  return { renderAll, renderChanges, log };
}

export type SiteRenderer = ReturnType<typeof createSiteRenderer>;

export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
