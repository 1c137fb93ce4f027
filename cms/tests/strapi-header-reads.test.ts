import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  REFUSED_HEADERS,
  STRAPI_HEADER_READS,
  UNCACHEABLE_HEADERS,
} from '../src/response-cache/strapi-headers';
import {
  gone,
  installedStrapiPackages,
  scanStrapiHeaderReads,
  unclassified,
} from './helpers/strapi-header-reads';
import { APP_DIR } from './helpers/strapi';

/**
 * The response cache and the public read guard act on a committed list of the request headers
 * Strapi reads (src/response-cache/strapi-headers.ts). This pins it to the installed packages: a
 * Strapi upgrade (or a new plugin) that reads another header fails here until it is classified.
 */

const describeRead = (read: { where: string; header: string; line: string }) =>
  `${read.header} at ${read.where}:${read.line}`;

describe('request headers Strapi reads', () => {
  const found = scanStrapiHeaderReads(APP_DIR);

  it('the scan covers the installed Strapi packages, plugins included', () => {
    const names = [...installedStrapiPackages(APP_DIR).keys()];
    for (const name of [
      '@strapi/strapi',
      '@strapi/core',
      '@strapi/admin',
      '@strapi/content-manager',
      '@strapi/i18n',
      '@strapi/upload',
      '@strapi/plugin-users-permissions',
    ]) {
      expect(names).toContain(name);
    }
  });

  it('every header read is classified', () => {
    expect(unclassified(found, STRAPI_HEADER_READS).map(describeRead)).toEqual([]);
  });

  it('every classified read is still there (the list is not stale)', () => {
    expect(gone(found, STRAPI_HEADER_READS)).toEqual([]);
  });

  it('the two that shape a public read are the ones the cache never stores', () => {
    expect(REFUSED_HEADERS).toEqual(['strapi-response-format']);
    expect([...UNCACHEABLE_HEADERS].sort()).toEqual(
      ['authorization', 'strapi-encode-source-maps', 'strapi-response-format'].sort(),
    );
  });

  it('no header is both refused and let through', () => {
    const verdicts = new Map<string, Set<string>>();
    for (const read of STRAPI_HEADER_READS) {
      const set = verdicts.get(read.header) ?? new Set<string>();
      set.add(read.verdict);
      verdicts.set(read.header, set);
    }
    for (const [header, set] of verdicts) {
      expect(set.has('refuse') && set.size > 1, header).toBe(false);
    }
  });
});

describe('the scan itself', () => {
  /** A scratch app depending on a fake Strapi package whose server code is `lines`. */
  function appWith(lines: string[]): string {
    const app = mkdtempSync(join(tmpdir(), 'header-scan-'));
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ dependencies: { '@strapi/fake': '1.0.0', 'strapi-plugin-x': '1.0.0' } }),
    );
    const fake = join(app, 'node_modules', '@strapi', 'fake');
    mkdirSync(join(fake, 'dist', 'server'), { recursive: true });
    mkdirSync(join(fake, 'dist', 'admin'), { recursive: true });
    writeFileSync(join(fake, 'package.json'), '{"name":"@strapi/fake"}');
    writeFileSync(join(fake, 'dist', 'server', 'index.js'), lines.join('\n'));
    writeFileSync(join(fake, 'dist', 'admin', 'index.js'), "ctx.get('X-Browser-Only');");
    const plugin = join(app, 'node_modules', 'strapi-plugin-x');
    mkdirSync(join(plugin, 'server'), { recursive: true });
    writeFileSync(join(plugin, 'package.json'), '{"strapi":{"kind":"plugin"}}');
    writeFileSync(
      join(plugin, 'server', 'index.js'),
      "const lang = ctx.request.get('Accept-Language');",
    );
    return app;
  }

  it('finds each way Koa code reads a header, and fails on one nobody classified', () => {
    const found = scanStrapiHeaderReads(
      appWith([
        "const a = ctx?.headers?.['x-one'];",
        'const b = ctx.request.header.x_two;',
        'const { three, four: alias } = ctx.request.headers;',
        "if (ctx.get('X-Five')) {}",
        'const ip = ctx.request.ip;',
        'const s = ctx.secure;',
        "ctx.acceptsLanguages('en');",
        'handle(ctx.headers);',
        'if (ctx.request && ctx.request.header && ctx.request.header.authorization) {}',
        "const res = await fetch(url); res.headers.get('content-type');",
      ]),
    ).map(
      (read) =>
        `${read.where.replace(/ dist\/server\/index\.js| server\/index\.js/, '')} ${read.header}`,
    );
    expect(found.sort()).toEqual(
      [
        '@strapi/fake x-one',
        '@strapi/fake x_two',
        '@strapi/fake three',
        '@strapi/fake four',
        '@strapi/fake x-five',
        '@strapi/fake x-forwarded-for',
        '@strapi/fake x-forwarded-proto',
        '@strapi/fake accept-language',
        '@strapi/fake *',
        '@strapi/fake authorization',
        'strapi-plugin-x accept-language',
      ].sort(),
    );
    const scanned = scanStrapiHeaderReads(
      appWith(["const a = ctx.headers['x-new-in-an-upgrade'];"]),
    );
    const fromFake = unclassified(scanned, STRAPI_HEADER_READS).filter((read) =>
      read.where.startsWith('@strapi/fake'),
    );
    expect(fromFake.map((read) => read.header)).toEqual(['x-new-in-an-upgrade']);
  });
});
