import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { vi } from 'vitest';
import type { PagefindModule } from '@/composables/useSiteSearch';
import { SEARCH_DIR } from '../search-index';

let loads = 0;

/**
 * Queries an index the way a browser does: Pagefind's own script, as written beside the site,
 * reading the index's files (file: URLs, which Node's fetch cannot read, are read from disk).
 */
export async function searchSite(outDir: string, language: string, query: string) {
  const base = pathToFileURL(join(outDir, SEARCH_DIR)).href + '/';
  const realFetch = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const url = new URL(String(input));
    if (url.protocol !== 'file:') return realFetch(input);
    url.search = '';
    return new Response(await readFile(fileURLToPath(url)));
  });
  // A fresh copy of the script each time: it keeps state between calls.
  loads += 1;
  const pagefind = (await import(
    /* @vite-ignore */ `${base}pagefind.js?load=${loads}`
  )) as PagefindModule & {
    createInstance(options: { basePath: string; baseUrl: string }): unknown;
  };
  // Outside a browser, Pagefind takes the language from `<html lang>`, which Node has not: given.
  (globalThis as { document?: unknown }).document = {
    querySelector: () => ({ getAttribute: () => language }),
  };
  try {
    // Result URLs as the site serves them (Pagefind would put them under the file: base).
    const instance = pagefind.createInstance({ basePath: base, baseUrl: '/' }) as ReturnType<
      PagefindModule['createInstance']
    >;
    const { results } = await instance.search(query);
    return Promise.all(
      results.map(async (result) => ({ id: result.id, ...(await result.data()) })),
    );
  } finally {
    delete (globalThis as { document?: unknown }).document;
  }
}
