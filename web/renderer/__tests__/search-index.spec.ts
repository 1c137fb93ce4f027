// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  isSearchResultList,
  resultListFile,
  type SearchResultList,
} from '@/shared/searchResultList';
import { listFiles } from '../files';
import {
  closeSearchIndexer,
  createSearchIndexer,
  isHashedSearchFile,
  type SearchDocument,
} from '../search-index';
import { searchSite } from './search-query';

/** The real Pagefind, on a few pages shaped like the site's (banner, header, main, footer). */
let outDir: string;

beforeEach(() => {
  outDir = mkdtempSync(join(tmpdir(), 'search-'));
});
afterEach(async () => {
  await rm(outDir, { recursive: true, force: true });
});
afterAll(() => closeSearchIndexer());

function page(file: string, lang: string, title: string, text: string, nav = 'Menu'): string {
  const html =
    `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body>` +
    `<aside>Crisis line 988</aside><header><nav>${nav}</nav></header>` +
    `<main data-pagefind-body><h1>${title}</h1><p>${text}</p></main>` +
    `<footer>Footer words</footer></body></html>`;
  mkdirSync(dirname(join(outDir, file)), { recursive: true });
  writeFileSync(join(outDir, file), html);
  return file;
}

const urls = (results: { url: string }[]) => results.map((result) => result.url).sort();

describe('the search index', () => {
  it('has one index per language, each finding only its own pages', async () => {
    const documents: SearchDocument[] = [
      {
        url: '/articles/a',
        file: page('articles/a.html', 'en', 'Ketamine', 'Infusion for depression.'),
      },
      {
        url: '/es/articles/a',
        file: page('es/articles/a.html', 'es', 'Ketamina', 'Infusión para la depresión.'),
      },
    ];
    const report = await createSearchIndexer(outDir).build(documents);

    expect(report.documents).toBe(2);
    expect(Object.keys(report.bytes).sort()).toEqual(['en', 'es']);
    expect(urls(await searchSite(outDir, 'en', 'infusion'))).toEqual(['/articles/a']);
    expect(urls(await searchSite(outDir, 'es', 'infusión'))).toEqual(['/es/articles/a']);
  });

  it('stems Spanish: "depresión" finds "depresiones"', async () => {
    await createSearchIndexer(outDir).build([
      {
        url: '/es/articles/b',
        file: page('es/articles/b.html', 'es', 'Tipos', 'Hay varias depresiones resistentes.'),
      },
      {
        url: '/es/articles/c',
        file: page('es/articles/c.html', 'es', 'Sueño', 'Dormir bien ayuda.'),
      },
    ]);

    const results = await searchSite(outDir, 'es', 'depresión');
    expect(urls(results)).toEqual(['/es/articles/b']);
    expect(results[0]!.excerpt).toContain('<mark>depresiones</mark>');
  });

  it('indexes only the main content: not the crisis banner, header or footer', async () => {
    await createSearchIndexer(outDir).build([
      {
        url: '/glossary',
        file: page('glossary.html', 'en', 'Glossary', 'Words explained.', 'Navigationword'),
      },
    ]);

    expect(await searchSite(outDir, 'en', 'navigationword')).toEqual([]);
    expect(await searchSite(outDir, 'en', 'footer')).toEqual([]);
    expect(urls(await searchSite(outDir, 'en', 'explained'))).toEqual(['/glossary']);
  });

  it('makes each FAQ question its own result, the answer as its excerpt', async () => {
    await createSearchIndexer(outDir).build([
      {
        url: '/faq#faq-one',
        language: 'en',
        title: 'How long does an infusion take?',
        content: 'About forty minutes, then some rest.',
      },
      {
        url: '/faq#faq-two',
        language: 'en',
        title: 'Is it covered?',
        content: 'Ask the clinic about coverage.',
      },
    ]);

    const results = await searchSite(outDir, 'en', 'minutes');
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      url: '/faq#faq-one',
      meta: { title: 'How long does an infusion take?' },
    });
    expect(results[0]!.excerpt).toMatch(/^About forty <mark>minutes/);
  });

  it("lists each language's results by Pagefind's id, and the index's chunks", async () => {
    const indexer = createSearchIndexer(outDir);
    const documents: SearchDocument[] = [
      {
        url: '/articles/a',
        file: page('articles/a.html', 'en', 'Ketamine & you', 'Infusion for depression.'),
      },
      {
        url: '/faq#faq-one',
        language: 'en',
        title: 'How long does an infusion take?',
        content: 'About forty minutes of infusion.',
      },
      {
        url: '/es/articles/a',
        file: page('es/articles/a.html', 'es', 'Ketamina', 'Infusión para la depresión.'),
      },
    ];
    const report = await indexer.build(documents);
    const read = (language: string): SearchResultList =>
      JSON.parse(readFileSync(join(outDir, 'pagefind', resultListFile(language)), 'utf8'));

    const en = read('en');
    expect(isSearchResultList(en)).toBe(true);
    // The list says what Pagefind's own excerpt files say, under the ids its search returns.
    const found = await searchSite(outDir, 'en', 'infusion');
    expect(found).toHaveLength(2);
    for (const result of found) {
      expect(en.results[result.id]).toEqual([result.url, result.meta.title]);
    }
    expect(Object.keys(en.results)).toHaveLength(2);
    expect(en.chunks.length).toBeGreaterThan(0);
    for (const chunk of en.chunks) {
      expect(chunk).toMatch(/^index\/en_/);
      expect(existsSync(join(outDir, 'pagefind', chunk))).toBe(true);
    }
    expect(Object.values(read('es').results)).toEqual([['/es/articles/a', 'Ketamina']]);
    expect(Object.keys(report.resultListBytes).sort()).toEqual(['en', 'es']);

    // A later build lists the new page, and no longer the one removed; the list stays.
    page('articles/b.html', 'en', 'Sleep', 'Rest well.');
    await indexer.build([documents[1]!, { url: '/articles/b', file: 'articles/b.html' }]);
    expect(
      Object.values(read('en').results)
        .map(([url]) => url)
        .sort(),
    ).toEqual(['/articles/b', '/faq#faq-one']);
    expect(existsSync(join(outDir, 'pagefind', resultListFile('es')))).toBe(true);
  });

  it('keeps the previous index when a build fails', async () => {
    const indexer = createSearchIndexer(outDir);
    const first = {
      url: '/risk-factors',
      file: page('risk-factors.html', 'en', 'Risks', 'Stress.'),
    };
    await indexer.build([first]);
    const entry = readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8');

    await expect(indexer.build([first, { url: '/gone', file: 'gone.html' }])).rejects.toThrow();

    expect(readFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')).toBe(entry);
    expect(urls(await searchSite(outDir, 'en', 'stress'))).toEqual(['/risk-factors']);
  });

  it('writes new chunks beside the old ones and removes the old ones a build later', async () => {
    const indexer = createSearchIndexer(outDir);
    const build = (text: string) =>
      indexer.build([{ url: '/a', file: page('a.html', 'en', 'A page', text) }]);
    const chunks = async () =>
      (await listFiles(join(outDir, 'pagefind')))
        .map((file) => `pagefind/${file}`)
        .filter(isHashedSearchFile);

    await build('First version.');
    const first = await chunks();
    await build('Second version, different words.');
    const second = await chunks();
    // A search that read the first entry can still fetch its chunks.
    for (const file of first) expect(existsSync(join(outDir, file))).toBe(true);
    expect(second.length).toBeGreaterThan(first.length);

    await build('Third version, other words again.');
    // Every chunk of the first build is gone (each build's words differ: so do its chunks).
    for (const file of first) expect(existsSync(join(outDir, file))).toBe(false);
    expect((await chunks()).length).toBe(second.length);
    expect(urls(await searchSite(outDir, 'en', 'third'))).toEqual(['/a']);
    // Pagefind's own UIs are not served: the site has its own search page.
    expect(existsSync(join(outDir, 'pagefind', 'pagefind-ui.js'))).toBe(false);
  });
});
