/**
 * Whether a secret is fit to sign or encrypt with: not a placeholder copied from an example file,
 * and long enough not to be guessed. The CMS checks its secrets with it at start-up
 * (cms/src/utils/required-env.ts) and the renderer its RENDER_HOOK_SECRET (web/renderer/main.ts):
 * in production both refuse to start on a problem. (scripts/check-compose.sh --secrets checks an
 * operator's .env before `docker compose up` with a shell subset of these rules: placeholders by
 * prefix and the length.)
 *
 * Rules:
 * - at least MIN_SECRET_LENGTH (32) characters: what `openssl rand -base64 32` gives is 44;
 * - not a known placeholder: this repository's `change-me-…` values (.env.example), the usual
 *   `changeme` / `replace-me` spellings, Strapi's own template values (`tobemodified`,
 *   `toBeModified1`), values starting with `secret`, and words such as `password`;
 * - not one character repeated;
 * - APP_KEYS is a comma-separated list (Koa signs cookies with every key): each key on its own.
 */

export const MIN_SECRET_LENGTH = 32;

/** Placeholders by their start, compared without case, dashes, underscores or spaces. */
const PLACEHOLDER_PREFIXES = [
  'changeme',
  'secret',
  'changethis',
  'tobemodified',
  'replaceme',
  'replacethis',
  'yoursecret',
  'insert',
  'placeholder',
  'example',
  'xxxxxxxx',
];

/** Whole values that are placeholders however long they are written. */
const PLACEHOLDER_WORDS = new Set([
  'secret',
  'password',
  'default',
  'test',
  'dev',
  'development',
  'admin',
  'strapi',
  'key',
  'salt',
  'token',
]);

const normalized = (value: string) => value.toLowerCase().replace(/[\s_-]+/g, '');

function isPlaceholder(value: string): boolean {
  const plain = normalized(value);
  return (
    PLACEHOLDER_PREFIXES.some((prefix) => plain.startsWith(prefix)) ||
    PLACEHOLDER_WORDS.has(plain.replace(/\d+$/, ''))
  );
}

/** The problem with one value, worded after `label` (the variable's name, maybe with a key no.). */
function valueProblem(label: string, value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return `${label} is empty.`;
  // The value itself is never repeated: a message may end up in a log.
  if (isPlaceholder(trimmed)) {
    return `${label} is a placeholder, not a secret: generate one with \`openssl rand -base64 32\`.`;
  }
  if (trimmed.length < MIN_SECRET_LENGTH) {
    return (
      `${label} is ${trimmed.length} characters long; use at least ${MIN_SECRET_LENGTH} ` +
      '(e.g. `openssl rand -base64 32`).'
    );
  }
  if (new Set(trimmed).size === 1) {
    return `${label} is one character repeated: generate one with \`openssl rand -base64 32\`.`;
  }
  return null;
}

/**
 * What is wrong with the secret `value` of the environment variable `name`, as a sentence that
 * starts with the name; `null` when it is fine. APP_KEYS is checked key by key.
 */
export function secretProblem(name: string, value: string): string | null {
  if (name !== 'APP_KEYS') return valueProblem(name, value);
  const keys = value.split(',');
  if (value.trim() === '') return valueProblem(name, value);
  for (const [index, key] of keys.entries()) {
    const problem = valueProblem(`${name} (key ${index + 1} of ${keys.length})`, key);
    if (problem) return problem;
  }
  return null;
}
