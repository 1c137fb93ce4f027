// @ts-check
// The site search in Chromium, for `npm run audit`: what a visitor's first query fetches and how
// long results take after typing, on Lighthouse's mobile profile (4x CPU slowdown, 150 ms RTT,
// 1.6 Mbit/s down), and with the CPU slowdown alone. Prints figures; asserts nothing.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { rootDir } from './cms-process.mjs';

// Playwright is the e2e suite's dependency; the audit borrows it rather than add a second copy.
const { chromium } = createRequire(join(rootDir, 'e2e', 'package.json'))('@playwright/test');

const MOBILE = {
  cpu: 4,
  network: {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  },
};

/**
 * @param {{ siteUrl: string, chromePath: string, queries: Record<string, string[]> }} options
 *   queries: per language (`en`, `es`), the words to search; the first is the cold first query.
 */
export async function measureSearch({ siteUrl, chromePath, queries }) {
  const browser = await chromium.launch({
    executablePath: chromePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking'],
  });
  const rows = [];
  try {
    for (const [language, words] of Object.entries(queries)) {
      for (const throttled of [true, false]) {
        const context = await browser.newContext({
          viewport: { width: 412, height: 823 },
          isMobile: true,
          hasTouch: true,
        });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        // Lighthouse simulates its network; here it is applied for real, and then left out, to
        // tell the network's share from the CPU's.
        if (throttled) await cdp.send('Network.emulateNetworkConditions', MOBILE.network);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });

        // Bytes over the wire for the search's files (index, script, WASM, result list), headers
        // included: those the first query asked for, and those fetched after its results showed
        // (the result list and the index's chunks, fetched while the visitor reads).
        let firstShownAt = Infinity;
        const bytes = { first: 0, after: 0 };
        let inFlight = 0;
        let lastFinishedAt = 0;
        const pending = [];
        const isSearchFile = (request) => request.url().includes('/pagefind/');
        page.on('request', (request) => {
          if (!isSearchFile(request)) return;
          inFlight += 1;
          const part = Date.now() < firstShownAt ? 'first' : 'after';
          const settle = () => {
            inFlight -= 1;
            lastFinishedAt = Date.now();
          };
          pending.push(
            request
              .response()
              .then((response) => response?.finished())
              .then(() => request.sizes())
              .then((sizes) => {
                bytes[part] += sizes.responseBodySize + sizes.responseHeadersSize;
              })
              .catch(() => undefined)
              .finally(settle),
          );
        });

        const prefix = language === 'en' ? '' : `/${language}`;
        await page.goto(`${siteUrl}${prefix}/search`, { waitUntil: 'load' });
        await page.getByTestId('search-input').waitFor();
        const [first, ...rest] = words;
        const firstTimes = await typeAndWait(page, first);
        firstShownAt = Date.now();
        // The visitor reads the first results; the page fetches what makes the next ones quick.
        await waitUntilQuiet(() => inFlight === 0 && Date.now() - lastFinishedAt > 500);
        await Promise.all(pending);
        const afterMs = Math.max(0, lastFinishedAt - firstShownAt);
        const listed = [];
        const excerpts = [];
        for (const word of rest) {
          const times = await typeAndWait(page, word);
          listed.push(times.listed);
          excerpts.push(times.excerpts);
        }
        rows.push({
          language,
          network: throttled ? '150 ms RTT, 1.6 Mbit/s' : 'local',
          'first query: KB fetched': kb(bytes.first),
          'first query: ms to results': Math.round(firstTimes.excerpts),
          'then fetched: KB': kb(bytes.after),
          'then fetched in: ms': afterMs,
          'next queries: ms to results listed (median)': median(listed),
          'listed, max ms': Math.round(Math.max(...listed)),
          'ms to excerpts too (median)': median(excerpts),
        });
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/** @param {number} bytes */
const kb = (bytes) => Number((bytes / 1024).toFixed(1));

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? NaN);
}

/** @param {() => boolean} quiet */
async function waitUntilQuiet(quiet) {
  const started = Date.now();
  while (!quiet() && Date.now() - started < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Puts `word` in the search page's box and times the results onto the screen (the debounce
 * included): `listed` when the results' titles and links are there (the page puts the words it
 * shows results for in its address), `excerpts` when their excerpts are too (the list is no
 * longer `aria-busy`).
 * @param {import('@playwright/test').Page} page
 * @param {string} wanted
 * @returns {Promise<{ listed: number, excerpts: number }>}
 */
async function typeAndWait(page, wanted) {
  return page.evaluate(async (wanted) => {
    const box = /** @type {HTMLInputElement} */ (
      document.querySelector('[data-testid="search-input"]')
    );
    const started = performance.now();
    let listed = NaN;
    box.value = wanted;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now() - started;
      const shown = new URLSearchParams(location.search).get('q');
      const settled = document.querySelector('[data-testid="search-status"]')?.textContent?.trim();
      if (Number.isNaN(listed) && shown === wanted && settled) listed = now;
      const busy = document
        .querySelector('[data-testid="search-results"]')
        ?.getAttribute('aria-busy');
      if (!Number.isNaN(listed) && busy !== 'true') return { listed, excerpts: now };
      if (now > 30_000) return { listed, excerpts: NaN };
    }
  }, wanted);
}
