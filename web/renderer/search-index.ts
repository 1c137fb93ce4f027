import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { resultListFile, type SearchResultList } from '@/shared/searchResultList';
import { listFiles, removeFile, writeFileAtomic } from './files';

/**
 * The site search's index (Pagefind: https://pagefind.app), built from the prerendered pages and
 * written as static files under `pagefind/` beside them. Visitors' browsers fetch only the
 * chunks a query needs; no search server runs and no query leaves the site.
 */

/** Where the index is served from: the browser imports `/pagefind/pagefind.js`. */
export const SEARCH_DIR = 'pagefind';

/** The file that names the current index; written last, so it always names complete files. */
const ENTRY = 'pagefind-entry.json';

/**
 * What the browser needs of Pagefind's bundle. Its ready-made UIs (pagefind-ui.js and the like)
 * are left out: the site has its own search page.
 */
const SERVED =
  /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|wasm\.[a-z-]+\.pagefind|pagefind\.[^/]+\.pf_meta|(index|fragment|filter)\/[^/]+\.pf_[a-z]+)$/;

/**
 * Index files named after a hash of their content (`pagefind/index/en_….pf_index`), as paths
 * under the site directory: they never change, so they are cached for a year.
 */
export function isHashedSearchFile(file: string): boolean {
  return /^pagefind\/(pagefind\.[^/]+\.pf_meta|(index|fragment|filter)\/[^/]+\.pf_[a-z]+)$/.test(
    file,
  );
}

/** One search result: a page's main content, or a part of a page (a question of the FAQ). */
export type SearchDocument =
  | {
      /** The page's URL path (`/es/articles/x`). */
      url: string;
      /** Its prerendered file under the site directory; Pagefind reads `<html lang>` and the
       * `data-pagefind-body` element (the page's `<main>`, without header, crisis banner and
       * footer). */
      file: string;
    }
  | {
      /** `/faq#faq-<documentId>`: where the result leads. */
      url: string;
      language: string;
      title: string;
      /** Plain text: what is searched and what the excerpt is cut from. */
      content: string;
    };

export interface SearchIndexReport {
  documents: number;
  ms: number;
  /** The index's bytes per language (its metadata, word index and excerpts, and the WASM). */
  bytes: Record<string, number>;
  /** The result list's bytes per language, uncompressed (src/shared/searchResultList.ts). */
  resultListBytes: Record<string, number>;
}

/**
 * Builds the index in memory, then writes it beside the site: first the new chunk files (their
 * names are hashes of their content, so they never overwrite a file in use), then the entry file
 * by an atomic rename. A search that started before the rename keeps reading the old chunks, which
 * stay until the build after next; a build that fails writes no entry, so the old index stays.
 */
export function createSearchIndexer(outDir: string) {
  /** The files of the previous build: kept one build longer, for searches still using them. */
  let previous: Set<string> | null = null;
  /** Each excerpt file's URL and title, by file: most stay the same from one build to the next. */
  let listed = new Map<string, [url: string, title: string]>();

  async function build(documents: readonly SearchDocument[]): Promise<SearchIndexReport> {
    const started = Date.now();
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`could not start Pagefind: ${errors.join('; ')}`);
    try {
      for (const document of documents) {
        const added =
          'file' in document
            ? await index.addHTMLFile({
                url: document.url,
                content: searchedPart(await readFile(join(outDir, document.file), 'utf8')),
              })
            : await index.addCustomRecord({
                url: document.url,
                language: document.language,
                content: document.content,
                meta: { title: document.title },
              });
        if (added.errors.length) {
          throw new Error(`${document.url}: ${added.errors.join('; ')}`);
        }
      }
      const built = await index.getFiles();
      if (built.errors.length) throw new Error(built.errors.join('; '));
      const files = built.files.filter((file) => SERVED.test(file.path));
      const entry = files.find((file) => file.path === ENTRY);
      if (!entry) throw new Error(`Pagefind wrote no ${ENTRY}`);
      const read = resultLists(files, listed);
      /** Each language's result list, as written. */
      const lists = new Map(
        [...read.lists].map(([language, list]) => [language, JSON.stringify(list)]),
      );

      const before = previous ?? new Set(await listFiles(join(outDir, SEARCH_DIR)));
      for (const file of files) {
        if (file === entry) continue;
        const path = `${SEARCH_DIR}/${file.path}`;
        // Same name, same content: a page that did not change keeps its excerpt chunk.
        if (isHashedSearchFile(path) && before.has(file.path)) continue;
        await writeFileAtomic(outDir, path, file.content);
      }
      await writeFileAtomic(outDir, `${SEARCH_DIR}/${ENTRY}`, entry.content);
      // After the entry: a list older or newer than the index a visitor searches only misses a
      // title or two, which the search page then reads from the excerpt files instead.
      for (const [language, list] of lists) {
        await writeFileAtomic(outDir, `${SEARCH_DIR}/${resultListFile(language)}`, list);
      }
      listed = read.listed;

      const current = new Set([
        ...files.map((file) => file.path),
        ...[...lists.keys()].map(resultListFile),
      ]);
      for (const file of await listFiles(join(outDir, SEARCH_DIR))) {
        if (!current.has(file) && !before.has(file)) {
          await removeFile(join(outDir, SEARCH_DIR), file);
        }
      }
      previous = current;
      return {
        documents: documents.length,
        ms: Date.now() - started,
        bytes: bytesPerLanguage(files),
        resultListBytes: Object.fromEntries(
          [...lists].map(([language, list]) => [language, Buffer.byteLength(list)]),
        ),
      };
    } finally {
      await index.deleteIndex();
    }
  }

  return { build };
}

/**
 * What Pagefind reads of a page: its language and its `<main data-pagefind-body>`. Only that is
 * sent to Pagefind: the rest of the page (head, header, footer, the state for hydration) is most
 * of its bytes, and parsing it took ~40 % of an index build at 1,000 articles.
 */
export function searchedPart(html: string): string {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < start) return html;
  const lang = /<html\b[^>]*\slang="([^"]*)"/.exec(html)?.[1] ?? '';
  return `<html lang="${lang}"><body>${html.slice(start, end + '</main>'.length)}</body></html>`;
}

/** `pagefind.en_….pf_meta`, `index/en_….pf_index`, `fragment/en_…`, `wasm.en.pagefind`. */
function languageOf(path: string): string | undefined {
  const language =
    /^(?:pagefind\.|wasm\.|(?:index|fragment|filter)\/)([a-z]{2,3}(?:-[a-z0-9]+)?)[._]/i.exec(
      path,
    )?.[1];
  return language === 'unknown' ? undefined : language;
}

function bytesPerLanguage(files: readonly { path: string; content: Uint8Array }[]) {
  const bytes: Record<string, number> = {};
  for (const file of files) {
    const language = languageOf(file.path);
    if (!language) continue;
    bytes[language] = (bytes[language] ?? 0) + file.content.byteLength;
  }
  return bytes;
}

/**
 * Each language's result list (src/shared/searchResultList.ts): its chunk files, and every
 * result's URL and title, read from the excerpt files Pagefind wrote (`fragment/<id>.pf_fragment`,
 * gzip: its signature, then JSON), the ones already read in `known` taken from there.
 */
function resultLists(
  files: readonly { path: string; content: Uint8Array }[],
  known: ReadonlyMap<string, [url: string, title: string]>,
) {
  const lists = new Map<string, SearchResultList>();
  const listed = new Map<string, [url: string, title: string]>();
  const listOf = (language: string) => {
    let list = lists.get(language);
    if (!list) lists.set(language, (list = { chunks: [], results: {} }));
    return list;
  };
  for (const file of files) {
    const language = languageOf(file.path);
    if (!language) continue;
    if (/^index\/[^/]+\.pf_index$/.test(file.path)) listOf(language).chunks.push(file.path);
    const id = /^fragment\/([^/]+)\.pf_fragment$/.exec(file.path)?.[1];
    if (!id) continue;
    const result = known.get(file.path) ?? readFragment(file);
    listOf(language).results[id] = result;
    listed.set(file.path, result);
  }
  return { lists, listed };
}

const FRAGMENT_SIGNATURE = 'pagefind_dcd';

function readFragment(file: { path: string; content: Uint8Array }): [url: string, title: string] {
  const text = gunzipSync(file.content).toString('utf8');
  if (!text.startsWith(FRAGMENT_SIGNATURE)) {
    throw new Error(`${file.path}: not an excerpt file of the Pagefind this was written for`);
  }
  const fragment = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as {
    url?: unknown;
    meta?: { title?: unknown };
  };
  if (typeof fragment.url !== 'string') throw new Error(`${file.path}: no URL`);
  const title = typeof fragment.meta?.title === 'string' ? fragment.meta.title : fragment.url;
  return [fragment.url, title];
}

/** Stops Pagefind's indexing process (it starts again on the next build). */
export function closeSearchIndexer(): Promise<unknown> {
  return pagefind.close();
}
