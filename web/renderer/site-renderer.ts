import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ContentChange } from '@clinic/contract';
import { createCmsApi, type CmsApi, type QueryFetcher } from '../src/api';
import { createHttpClient } from '../src/api/client';
import { createQueryFetcher } from '../src/api/fetch-query';
import { renderPage } from '../src/entry-server';
import type { Locale } from '../src/shared/locales';
import { BadAnswerError, createAnswers } from './answers';
import { copyFileAtomic, listFiles, removeFile, writeFileAtomic } from './files';
import {
  isSafePath,
  pathForFile,
  prerenderedRoutes,
  routeMatcher,
  SITE_LOCALES,
  sitePage,
  type PrerenderedRoute,
  type SitePage,
} from './pages';
import { createSearchIndexer, type SearchDocument, type SearchIndexReport } from './search-index';
import { fetchRedirects, REDIRECT_UID, REDIRECTS_FILE, redirectsFileContent } from './redirects';
import { buildRobotsTxt, buildSitemap } from './sitemap';

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
  /** The search index's build, when pages changed (its time is part of `ms`). */
  search?: SearchIndexReport | { error: string };
}

/** A page as last rendered: the questions it asked, what its head said. */
interface RenderedPage extends SitePage {
  asked: Set<string>;
  alternates: Partial<Record<Locale, string>>;
  noindex: boolean;
  updatedAt: string | undefined;
  /** What the site search has of it (none: not searched). */
  search: SearchDocument[];
}

/** The paths of one route in one language, and the questions listing them asked. */
interface Listing {
  route: PrerenderedRoute;
  locale: Locale;
  pages: SitePage[];
  asked: Set<string>;
}

const listingKey = (route: PrerenderedRoute, locale: Locale) => `${route.name}|${locale}`;
const intersects = (a: Set<string>, b: Set<string>) => [...a].some((key) => b.has(key));

/**
 * Renders the site into files, page by page as the routes declare them (./pages.ts), from the
 * answers the CMS's public API gave (./answers.ts). A full render asks everything again and
 * writes every page; a render for changes asks again what the changes could alter and writes the
 * pages whose answers differ. A page is written only once it rendered completely (a failed page
 * keeps its last version); a render that cannot reach the CMS writes nothing.
 */
export function createSiteRenderer(options: SiteRendererOptions) {
  const log = options.log ?? ((message: string) => console.log(`[renderer] ${message}`));
  const siteUrl = options.siteUrl.replace(/\/+$/, '');
  const answers = createAnswers(createQueryFetcher(createHttpClient(options.cmsUrl)), log);
  const routes = prerenderedRoutes();
  const routeOf = routeMatcher();
  const searchOf = new Map(routes.map((route) => [route.name, route.search]));
  const searchIndex = createSearchIndexer(options.outDir);
  let pages = new Map<string, RenderedPage>();
  let listings = new Map<string, Listing>();
  let rendered = false;
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

  /** A route's pages in a language. A bad answer from the CMS: null (its pages are kept). */
  async function list(route: PrerenderedRoute, locale: Locale): Promise<Listing | null> {
    const asked = new Set<string>();
    try {
      const paths = await route.paths(createCmsApi(answers.reader(asked)), locale);
      const safe = paths.filter((path) => {
        if (isSafePath(path)) return true;
        log(`skipped ${route.name} page "${path}": not a safe path`);
        return false;
      });
      return { route, locale, asked, pages: safe.map((path) => sitePage(route, locale, path)) };
    } catch (error) {
      if (!(error instanceof BadAnswerError)) throw error;
      log(`could not list the ${route.name} pages (${locale}); they are kept: ${error.message}`);
      return null;
    }
  }

  async function renderOne(page: SitePage): Promise<boolean> {
    const asked = new Set<string>();
    const previous = pages.get(page.path);
    // The stores keep only an error's kind: the reasons are noted here for the log.
    const reasons = new Set<string>();
    const read = answers.reader(asked);
    const readNoting: QueryFetcher = (query) =>
      read(query).catch((error: unknown) => {
        reasons.add(error instanceof Error ? error.message : String(error));
        throw error;
      });
    try {
      const result = await renderPage(page.path, {
        api: createCmsApi(readNoting),
        siteUrl,
        template: await loadTemplate(),
      });
      if (result.routeName !== page.route) throw new Error(`rendered as "${result.routeName}"`);
      if (result.notFound && page.route !== 'not-found') throw new Error('rendered as "not found"');
      const search = result.noindex ? [] : await searchDocuments(page, createCmsApi(readNoting));
      await writeFileAtomic(options.outDir, page.file, result.html);
      pages.set(page.path, {
        ...page,
        asked,
        alternates: result.alternates,
        noindex: result.noindex,
        updatedAt: newestUpdate(asked),
        search,
      });
      return true;
    } catch (error) {
      const why = [describe(error), ...reasons].join('; ');
      log(`could not render ${page.path} (kept its last version): ${why}`);
      // What it asked is kept, so that a change to it (a fix of the bad answer) renders it again.
      pages.set(page.path, {
        ...page,
        alternates: previous?.alternates ?? {},
        noindex: previous?.noindex ?? false,
        updatedAt: previous?.updatedAt,
        search: previous?.search ?? [],
        asked: new Set([...(previous?.asked ?? []), ...asked]),
      });
      return false;
    }
  }

  /** The page as the search has it: one result for the page, or its route's records. */
  async function searchDocuments(page: SitePage, api: CmsApi): Promise<SearchDocument[]> {
    const search = searchOf.get(page.route);
    if (search === true) return [{ url: page.path, file: page.file }];
    if (!search) return [];
    return (await search(api, page.locale)).map((record) => ({
      url: `${page.path}#${record.anchor}`,
      language: page.locale,
      title: record.title,
      content: record.text,
    }));
  }

  /**
   * Rebuilds the search index from the pages as they now are (Pagefind has no incremental
   * update; at 1,000 articles a build takes about a second, see the README's figures). A failed
   * build keeps the previous index and does not fail the render: the pages are written.
   */
  async function updateSearch(): Promise<RenderReport['search']> {
    const documents = [...pages.values()]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .flatMap((page) => page.search);
    try {
      const report = await searchIndex.build(documents);
      const bytes = Object.entries(report.bytes)
        .map(([language, size]) => `${language} ${Math.round(size / 1024)} KB`)
        .join(', ');
      log(`search index: ${report.documents} result(s) in ${report.ms} ms (${bytes})`);
      return report;
    } catch (error) {
      log(`could not build the search index (the previous one is kept): ${describe(error)}`);
      return { error: describe(error) };
    }
  }

  function newestUpdate(asked: Set<string>): string | undefined {
    let newest: string | undefined;
    for (const key of asked) {
      const updatedAt = answers.get(key)?.updatedAt;
      if (updatedAt && (!newest || updatedAt > newest)) newest = updatedAt;
    }
    return newest;
  }

  async function renderAllOf(list: SitePage[]): Promise<number> {
    let failed = 0;
    for (const page of list) if (!(await renderOne(page))) failed += 1;
    return failed;
  }

  async function writeSitemap(): Promise<void> {
    const entries = [...pages.values()]
      .filter((page) => page.sitemap && !page.noindex)
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((page) => ({
        loc: siteUrl + page.path,
        lastmod: page.updatedAt,
        alternates: Object.fromEntries(
          Object.entries(page.alternates).map(([locale, path]) => [locale, siteUrl + path]),
        ),
      }));
    await writeFileAtomic(options.outDir, 'sitemap.xml', buildSitemap(entries));
    await writeFileAtomic(options.outDir, 'robots.txt', buildRobotsTxt(siteUrl));
  }

  /** The pages the listings give (a failed listing: the pages it had before). */
  function wantedPages(): Map<string, SitePage> {
    const wanted = new Map<string, SitePage>();
    for (const listing of listings.values()) {
      for (const page of listing.pages) wanted.set(page.path, page);
    }
    return wanted;
  }

  /** Page files on disk that no listing wants, but for those of routes that could not be listed. */
  async function removeStalePages(wanted: Map<string, SitePage>, unlisted: Set<string>) {
    const files = (await listFiles(options.outDir)).filter(
      (file) => file.endsWith('.html') && !file.startsWith('assets/'),
    );
    let removed = 0;
    for (const file of files) {
      const path = pathForFile(file);
      if (wanted.has(path) || unlisted.has(routeOf(path))) continue;
      await removeFile(options.outDir, file);
      pages.delete(path);
      removed += 1;
    }
    return removed;
  }

  /** Forgets answers no page or listing asked for (pages that are gone). */
  function forgetUnasked(): void {
    const asked = new Set<string>();
    for (const page of pages.values()) page.asked.forEach((key) => asked.add(key));
    for (const listing of listings.values()) listing.asked.forEach((key) => asked.add(key));
    answers.keepOnly(asked);
  }

  /**
   * Writes the CMS's redirects beside the pages (./redirects.ts), before any page is removed, so
   * an old address answers 301 from the moment it stops being a page. When they cannot be read
   * the last file stays (logged): an old address is then a 404 until the next render.
   */
  async function writeRedirects(): Promise<void> {
    try {
      const content = redirectsFileContent(await fetchRedirects(options.cmsUrl));
      await writeFileAtomic(options.outDir, REDIRECTS_FILE, content);
    } catch (error) {
      log(`could not read the redirects (the last ones are kept): ${describe(error)}`);
    }
  }

  async function renderAll(): Promise<RenderReport> {
    const started = Date.now();
    await writeRedirects();
    answers.clear();
    const fresh = new Map<string, Listing>();
    const unlisted = new Set<string>();
    for (const route of routes) {
      for (const locale of SITE_LOCALES) {
        const listing = await list(route, locale);
        const key = listingKey(route, locale);
        if (listing) fresh.set(key, listing);
        else {
          unlisted.add(route.name);
          const before = listings.get(key);
          if (before) fresh.set(key, before);
        }
      }
    }
    await copyClientFiles();
    listings = fresh;
    const wanted = wantedPages();
    pages = new Map([...pages].filter(([path]) => wanted.has(path)));
    const failed = await renderAllOf([...wanted.values()]);
    if (wanted.size > 0 && failed === wanted.size) {
      throw new Error('no page could be rendered; the site keeps its last pages');
    }
    await writeSitemap();
    const removed = await removeStalePages(wanted, unlisted);
    const search = await updateSearch();
    forgetUnasked();
    rendered = true;
    return {
      full: true,
      pages: wanted.size - failed,
      removed,
      failed,
      ms: Date.now() - started,
      search,
    };
  }

  /** Renders what `changes` touch; a full render when there is nothing rendered yet. */
  async function renderChanges(all: ContentChange[]): Promise<RenderReport> {
    if (!rendered) return renderAll();
    const started = Date.now();
    // A redirect is no page: its change rewrites the redirects file, and no page.
    const changes = all.filter((change) => change.uid !== REDIRECT_UID);
    if (changes.length < all.length) await writeRedirects();
    if (changes.length === 0) {
      return { full: false, pages: 0, removed: 0, failed: 0, ms: Date.now() - started };
    }
    const altered = await answers.applyChanges(changes);
    if (!altered) return renderAll();

    const before = wantedPages();
    const unlisted = new Set<string>();
    for (const [key, listing] of listings) {
      if (!intersects(listing.asked, altered)) continue;
      const relisted = await list(listing.route, listing.locale);
      if (relisted) listings.set(key, relisted);
      else unlisted.add(listing.route.name);
    }
    const wanted = wantedPages();
    const touched = [...wanted.values()].filter((page) => {
      const known = pages.get(page.path);
      return !before.has(page.path) || !known || intersects(known.asked, altered);
    });
    const failed = await renderAllOf(touched);
    let removed = 0;
    for (const [path, page] of before) {
      if (wanted.has(path) || unlisted.has(page.route)) continue;
      await removeFile(options.outDir, page.file);
      pages.delete(path);
      removed += 1;
    }
    let search: RenderReport['search'];
    if (touched.length > 0 || removed > 0) {
      await writeSitemap();
      search = await updateSearch();
    }
    forgetUnasked();
    return {
      full: false,
      pages: touched.length - failed,
      removed,
      failed,
      ms: Date.now() - started,
      search,
    };
  }

  return {
    renderAll,
    renderChanges,
    log,
    /** How many answers the renderer holds (for its health report). */
    get answers() {
      return answers.size;
    },
  };
}

export type SiteRenderer = ReturnType<typeof createSiteRenderer>;

export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
