/**
 * Whether a secret is fit for production: a pure check, the same on the CMS's side (both are to
 * move into one shared package, so the signature stays as it is). The rules, also applied to the
 * compose environment by scripts/check-compose.sh --secrets:
 * - set (not empty or blank);
 * - not a placeholder: a value starting with `change-me` / `changeme` (.env.example),
 *   `secret` or `tobemodified` (Strapi's own examples), in any case;
 * - at least 32 characters (`openssl rand -base64 32` gives 44).
 * The message names the variable and never repeats the value.
 *
 * @returns what is wrong with `value`, or null when it is acceptable
 */
export function secretProblem(name: string, value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '')
    return `${name} is not set: set it to a random value (openssl rand -base64 32).`;
  if (PLACEHOLDER.test(trimmed)) {
    return `${name} is still a placeholder value: replace it with a random value (openssl rand -base64 32).`;
  }
  if (trimmed.length < MIN_LENGTH) {
    return `${name} is too short (${trimmed.length} characters): use at least ${MIN_LENGTH} random characters (openssl rand -base64 32).`;
  }
  return null;
}

const MIN_LENGTH = 32;
const PLACEHOLDER = /^(change-?me|secret|tobemodified)/i;
