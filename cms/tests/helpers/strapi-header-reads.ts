import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Finds where the installed Strapi packages read request headers: every `@strapi/*` package the
 * CMS depends on, directly or through another Strapi package, and any other dependency that is a
 * Strapi plugin (`"strapi": { "kind": "plugin" }` in its package.json). Their server code (dist/,
 * without the admin panel's browser bundles) is searched line by line for the ways Koa code reads
 * a request header: `ctx.headers[…]`, `ctx.request.header.x`, `const { x } = ctx.request.header`,
 * `ctx.get('X')`, cookies, and Koa's getters that derive from headers (`ctx.ip`: X-Forwarded-For,
 * `ctx.secure`/`protocol`: X-Forwarded-Proto, `ctx.host`…: Host, `ctx.accepts…`: Accept-*,
 * `ctx.is`: Content-Type, `ctx.fresh`: If-None-Match), on the names Koa code uses for its context
 * and request (`ctx`, `context`, `koaCtx`, `request`, `req`). The whole header set handed on is
 * `*`.
 */

export interface HeaderReadFound {
  /** `<package> <file in the package>` */
  where: string;
  header: string;
  /** The first line found, for the failure message. */
  line: string;
}

/** Where `name` resolves from `fromDir`, as Node finds packages (pnpm's layout included). */
function findPackage(name: string, fromDir: string): string | null {
  let dir = fromDir;
  for (;;) {
    if (!dir.endsWith(`${sep}node_modules`)) {
      const candidate = join(dir, 'node_modules', name, 'package.json');
      if (existsSync(candidate)) return realpathSync(dirname(candidate));
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

interface PackageJson {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  strapi?: { kind?: string };
}

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as PackageJson;

/** name → directory of every installed Strapi package the app at `appDir` runs. */
export function installedStrapiPackages(appDir: string): Map<string, string> {
  const found = new Map<string, string>();
  const queue: Array<{ dir: string; pkg: PackageJson }> = [];
  const visit = (dependencies: Record<string, string>, from: string) => {
    for (const name of Object.keys(dependencies)) {
      if (found.has(name)) continue;
      const dir = findPackage(name, from);
      if (!dir) continue; // an optional peer that is not installed
      const pkg = readJson(join(dir, 'package.json'));
      if (!name.startsWith('@strapi/') && pkg.strapi?.kind !== 'plugin') continue;
      found.set(name, dir);
      queue.push({ dir, pkg });
    }
  };
  visit(readJson(join(appDir, 'package.json')).dependencies ?? {}, appDir);
  while (queue.length > 0) {
    const { dir, pkg } = queue.shift()!;
    visit({ ...pkg.dependencies, ...pkg.peerDependencies }, dir);
  }
  return found;
}

/** The server code of a package: .js/.cjs (an .mjs only without its CommonJS twin). */
function serverFiles(dir: string, root = dir): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const inPackage = relative(root, path).split(sep).join('/');
    if (entry.isDirectory()) {
      // The admin panel's browser bundles (dist/admin/…); the admin package's server is in
      // dist/server/.
      if (entry.name === 'node_modules' || /^(dist\/)?admin$/.test(inPackage)) continue;
      files.push(...serverFiles(path, root));
    } else if (/\.c?js$/.test(entry.name)) {
      files.push(path);
    } else if (entry.name.endsWith('.mjs') && !existsSync(path.replace(/\.mjs$/, '.js'))) {
      files.push(path);
    }
  }
  return files;
}

// A context or request variable, not a property of something else (`foo.request`).
const R = String.raw`(?<![\w$.])(?:ctx|context|koaCtx|request|req)(?:\??\.request)?`;
const WHOLE_SET_METHODS = new Set(['forEach', 'get', 'has', 'entries', 'keys', 'values']);
const ACCEPTS: Record<string, string> = {
  '': 'accept',
  Encodings: 'accept-encoding',
  Languages: 'accept-language',
  Charsets: 'accept-charset',
};

const PATTERNS: Array<[RegExp, (match: RegExpMatchArray) => string[]]> = [
  // ctx.headers['x'], ctx?.headers?.['x'], ctx.request.header['x']
  [
    new RegExp(`${R}\\??\\.headers?\\??\\.?\\[\\s*(['"\`])([^'"\`]+)\\1\\s*\\]`, 'g'),
    (m) => [m[2]!],
  ],
  // ctx.request.header.authorization, ctx.headers.upgrade; a method of a Headers object: all
  [
    new RegExp(`${R}\\??\\.headers?\\??\\.([A-Za-z_$][\\w$]*)`, 'g'),
    (m) => [WHOLE_SET_METHODS.has(m[1]!) ? '*' : m[1]!],
  ],
  // const { authorization } = ctx.request.header
  [
    new RegExp(`\\{([^}]*)\\}\\s*=\\s*${R}\\??\\.headers?\\b`, 'g'),
    (m) =>
      m[1]!
        .split(',')
        .map((part) => part.trim().split(/[:\s=]/)[0]!)
        .filter(Boolean),
  ],
  // ctx.get('Origin'), ctx.request.get('X-Thing')
  [new RegExp(`${R}\\??\\.get\\(\\s*(['"\`])([^'"\`]+)\\1`, 'g'), (m) => [m[2]!]],
  [new RegExp(`${R}\\??\\.cookies\\??\\.get\\(`, 'g'), () => ['cookie']],
  [new RegExp(`${R}\\??\\.ips?\\b(?!\\s*=[^=])`, 'g'), () => ['x-forwarded-for']],
  [new RegExp(`${R}\\??\\.(?:secure|protocol)\\b(?!\\s*=[^=])`, 'g'), () => ['x-forwarded-proto']],
  [
    new RegExp(`${R}\\??\\.(?:host|hostname|origin|href|subdomains)\\b(?!\\s*=[^=])`, 'g'),
    () => ['host'],
  ],
  [
    new RegExp(`${R}\\??\\.accepts(Encodings|Languages|Charsets)?\\(`, 'g'),
    (m) => [ACCEPTS[m[1] ?? '']!],
  ],
  [new RegExp(`${R}\\??\\.is\\(`, 'g'), () => ['content-type']],
  [new RegExp(`${R}\\??\\.(?:fresh|stale)\\b`, 'g'), () => ['if-none-match']],
  // The whole set handed on: foo(ctx.headers), const h = ctx.request.headers (not a truthiness
  // test, not a destructuring, which the patterns above name).
  [
    new RegExp(
      `(?<!\\}\\s*=\\s*)${R}\\??\\.headers?\\b(?!\\s*\\??\\.|\\s*\\[|\\s*(?:&&|\\|\\|)|\\s*=[^=])`,
      'g',
    ),
    () => ['*'],
  ],
];

/** Every (place, header) read in the installed Strapi packages of the app at `appDir`. */
export function scanStrapiHeaderReads(appDir: string): HeaderReadFound[] {
  const found = new Map<string, HeaderReadFound>();
  for (const [name, dir] of installedStrapiPackages(appDir)) {
    const root = existsSync(join(dir, 'dist')) ? join(dir, 'dist') : dir;
    for (const file of serverFiles(root, dir)) {
      const where = `${name} ${relative(dir, file).split(sep).join('/')}`;
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        for (const [pattern, headersOf] of PATTERNS) {
          for (const match of line.matchAll(pattern)) {
            for (const header of headersOf(match).map((h) => h.toLowerCase())) {
              const id = `${where}\n${header}`;
              if (!found.has(id)) {
                found.set(id, {
                  where,
                  header,
                  line: `${index + 1}: ${line.trim().slice(0, 160)}`,
                });
              }
            }
          }
        }
      });
    }
  }
  return [...found.values()];
}

interface Classified {
  header: string;
  where: string[];
}

/** Reads found that the classification does not list (header and place). */
export function unclassified(found: HeaderReadFound[], list: Classified[]): HeaderReadFound[] {
  const listed = new Set(
    list.flatMap((read) => read.where.map((where) => `${where}\n${read.header}`)),
  );
  return found.filter((read) => !listed.has(`${read.where}\n${read.header}`));
}

/** Places the classification lists that the scan no longer finds. */
export function gone(found: HeaderReadFound[], list: Classified[]): string[] {
  const present = new Set(found.map((read) => `${read.where}\n${read.header}`));
  return list.flatMap((read) =>
    read.where
      .filter((where) => !present.has(`${where}\n${read.header}`))
      .map((where) => `${read.header} at ${where}`),
  );
}
