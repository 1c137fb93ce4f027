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

        /** Bytes over the wire for the search's files (index, script, WASM), headers included. */
        let searchBytes = 0;
        const pending = [];
        page.on('requestfinished', (request) => {
          if (!request.url().includes('/pagefind/')) return;
          pending.push(
            request.sizes().then((sizes) => {
              searchBytes += sizes.responseBodySize + sizes.responseHeadersSize;
            }),
          );
        });

        const prefix = language === 'en' ? '' : `/${language}`;
        await page.goto(`${siteUrl}${prefix}/search`, { waitUntil: 'load' });
        await page.getByTestId('search-input').waitFor();
        const [first, ...rest] = words;
        const firstMs = await typeAndWait(page, first);
        await Promise.all(pending);
        const firstKb = searchBytes / 1024;
        const afterTyping = [];
        for (const word of rest) afterTyping.push(await typeAndWait(page, word));
        afterTyping.sort((a, b) => a - b);
        rows.push({
          language,
          network: throttled ? '150 ms RTT, 1.6 Mbit/s' : 'local',
          'first query: KB fetched': Number(firstKb.toFixed(1)),
          'first query: ms to results': Math.round(firstMs),
          'next queries: ms to results (median)': Math.round(
            afterTyping[Math.floor(afterTyping.length / 2)] ?? NaN,
          ),
          'next queries: max ms': Math.round(afterTyping.at(-1) ?? NaN),
        });
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

/**
 * Puts `word` in the search page's box and times the results onto the screen (the debounce
 * included): the page puts the words it shows results for in its address.
 * @param {import('@playwright/test').Page} page
 * @param {string} wanted
 */
async function typeAndWait(page, wanted) {
  return page.evaluate(async (wanted) => {
    const box = /** @type {HTMLInputElement} */ (
      document.querySelector('[data-testid="search-input"]')
    );
    const started = performance.now();
    box.value = wanted;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const shown = new URLSearchParams(location.search).get('q');
      const settled = document.querySelector('[data-testid="search-status"]')?.textContent?.trim();
      if (shown === wanted && settled) return performance.now() - started;
      if (performance.now() - started > 30_000) return NaN;
    }
  }, wanted);
}
