import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cmsDir, cmsStartCommand } from '../../../scripts/lib/cms-process.mjs';

/**
 * One way to run the CMS: cms/package.json's `start` script is the image's CMD (what docker
 * compose runs) and what startCmsProcess runs in the tests, e2e and scripts. Node runs Strapi's
 * entry directly: no npx/pnpm wrapper (~270 MB of extra processes, and SIGTERM would not reach
 * Strapi).
 */
const START = 'node node_modules/@strapi/strapi/bin/strapi.js start';

describe('the CMS start command', () => {
  const pkg = JSON.parse(readFileSync(join(cmsDir, 'package.json'), 'utf8'));

  it('is node running Strapi directly', () => {
    expect(pkg.scripts.start).toBe(START);
    expect(existsSync(join(cmsDir, 'node_modules/@strapi/strapi/bin/strapi.js'))).toBe(true);
  });

  it("is the Dockerfile's CMD", () => {
    const dockerfile = readFileSync(join(cmsDir, 'Dockerfile'), 'utf8');
    const cmd = dockerfile.match(/^CMD (\[.*\])\s*$/m);
    expect(cmd, 'an exec-form CMD').not.toBeNull();
    expect((JSON.parse(cmd![1]!) as string[]).join(' ')).toBe(pkg.scripts.start);
  });

  it('is what startCmsProcess runs', () => {
    const { command, args } = cmsStartCommand();
    expect(command).toBe(process.execPath);
    expect(['node', ...args].join(' ')).toBe(pkg.scripts.start);
  });
});
