import { onBeforeUnmount, onMounted, toValue, watch, type MaybeRefOrGetter } from 'vue';
import type { Locale } from '@/api/types';
import { localizePath } from './useLocale';

export interface HeadInput {
  /** Full document title. */
  title?: string;
  description?: string | null;
  /** Path of this page (without origin); canonical = origin + path. */
  path?: string;
  /** Site-relative path of each language version that exists. `en` doubles as x-default. */
  alternates?: Partial<Record<Locale, string>>;
  /** JSON-LD object for this page. */
  jsonLd?: Record<string, unknown> | null;
  /** Keep search engines away (404, error and "not translated" pages). */
  noindex?: boolean;
}

const MANAGED = 'data-head';

function origin(): string {
  return typeof window === 'undefined' ? '' : window.location.origin;
}

function upsert<K extends 'meta' | 'link' | 'script'>(
  tag: K,
  key: string,
  attrs: Record<string, string>,
): HTMLElementTagNameMap[K] {
  let el = document.head.querySelector<HTMLElementTagNameMap[K]>(`${tag}[${MANAGED}="${key}"]`);
  if (!el) {
    el = document.createElement(tag);
    el.setAttribute(MANAGED, key);
    document.head.appendChild(el);
  }
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

function remove(key: string): void {
  document.head.querySelectorAll(`[${MANAGED}="${key}"]`).forEach((el) => el.remove());
}

/** Serializes JSON-LD so it can never close its <script> element. */
export function serializeJsonLd(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function applyHead(head: HeadInput): void {
  if (typeof document === 'undefined') return;
  if (head.title) document.title = head.title;

  if (head.description) {
    upsert('meta', 'description', { name: 'description', content: head.description });
  } else {
    remove('description');
  }

  if (head.noindex) upsert('meta', 'robots', { name: 'robots', content: 'noindex' });
  else remove('robots');

  if (head.path) {
    upsert('link', 'canonical', { rel: 'canonical', href: origin() + head.path });
  } else {
    remove('canonical');
  }

  const alternates = head.alternates ?? {};
  const entries: [string, string | undefined][] = [
    ['en', alternates.en],
    ['es', alternates.es],
    ['x-default', alternates.en],
  ];
  for (const [lang, path] of entries) {
    const key = `alternate-${lang}`;
    if (path) upsert('link', key, { rel: 'alternate', hreflang: lang, href: origin() + path });
    else remove(key);
  }

  const jsonLdKey = 'jsonld-page';
  if (head.jsonLd) {
    const script = upsert('script', jsonLdKey, { type: 'application/ld+json' });
    script.textContent = serializeJsonLd(head.jsonLd);
  } else {
    remove(jsonLdKey);
  }
}

/** Alternates for a page whose path is the same in both languages (`/faq`, `/es/faq`). */
export function sameAlternates(path: string): Partial<Record<Locale, string>> {
  return { en: localizePath(path, 'en'), es: localizePath(path, 'es') };
}

/**
 * Keeps title, meta description, canonical, hreflang alternates and JSON-LD in sync with a
 * reactive source. Touches `document` only after mount (safe to prerender).
 */
export function useHead(source: MaybeRefOrGetter<HeadInput>): void {
  let stop: (() => void) | undefined;
  onMounted(() => {
    stop = watch(
      () => toValue(source),
      (head) => applyHead(head),
      {
        immediate: true,
        deep: true,
      },
    );
  });
  onBeforeUnmount(() => stop?.());
}

/** Site-wide JSON-LD (e.g. MedicalClinic) in its own script element. */
export function useSiteJsonLd(source: MaybeRefOrGetter<Record<string, unknown> | null>): void {
  let stop: (() => void) | undefined;
  onMounted(() => {
    stop = watch(
      () => toValue(source),
      (jsonLd) => {
        if (typeof document === 'undefined') return;
        const key = 'jsonld-site';
        if (jsonLd) {
          const script = upsert('script', key, { type: 'application/ld+json' });
          script.textContent = serializeJsonLd(jsonLd);
        } else {
          remove(key);
        }
      },
      { immediate: true, deep: true },
    );
  });
  onBeforeUnmount(() => stop?.());
}
