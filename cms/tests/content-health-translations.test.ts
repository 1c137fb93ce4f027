import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The admin shows each finding in the editor's admin language from its code
// (content-health.finding.<code>), falling back to the server's English. A code without a
// translation, or a key in one language only, would show editors a mix of languages.
const adminDir = join(__dirname, '..', 'src', 'admin', 'content-health', 'translations');
const checksDir = join(__dirname, '..', 'src', 'content-health', 'checks');
const load = (locale: string) =>
  JSON.parse(readFileSync(join(adminDir, `${locale}.json`), 'utf8')) as Record<string, string>;

/** Every finding code the checks can emit, read from their source (`code: '…'`). */
function findingCodes(): string[] {
  const codes = new Set<string>();
  for (const file of readdirSync(checksDir)) {
    const source = readFileSync(join(checksDir, file), 'utf8');
    for (const match of source.matchAll(/\bcode: '([a-z-]+)'/g)) codes.add(match[1]);
  }
  return [...codes].sort();
}

describe('content-health admin translations', () => {
  const en = load('en');
  const es = load('es');

  it('finds the codes the checks emit', () => {
    expect(findingCodes()).toEqual(
      expect.arrayContaining(['reviewer-missing', 'translation-stale', 'link-broken']),
    );
  });

  it('have the same keys in English and Spanish, none empty', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of [...Object.entries(en), ...Object.entries(es)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it.each(findingCodes())('translate the finding %s', (code) => {
    expect(en[`content-health.finding.${code}`]).toBeTruthy();
    expect(es[`content-health.finding.${code}`]).toBeTruthy();
  });
});
