import { inject, provide, shallowRef, type InjectionKey, type ShallowRef } from 'vue';
import type { PageMeta } from './pageHead';

/**
 * What the printed page repeats on every sheet (PrintFrame.vue) that only the page knows: its
 * title, path and "last reviewed" date. Each view already describes itself to usePageMeta; that
 * description is shared here, so no view has a second thing to remember. The App provides it;
 * the frame's footer comes after <main> in the document, so on the server and in hydration the
 * page has described itself by the time the footer renders.
 */
const PRINT_DETAILS: InjectionKey<ShallowRef<(() => PageMeta) | null>> = Symbol('print-details');

export function providePrintDetails(): ShallowRef<(() => PageMeta) | null> {
  const source = shallowRef<(() => PageMeta) | null>(null);
  provide(PRINT_DETAILS, source);
  return source;
}

/** The page's description, for the frame (null before a page has described itself). */
export function usePrintDetails(): ShallowRef<(() => PageMeta) | null> | null {
  return inject(PRINT_DETAILS, null);
}

/** Called by usePageMeta with the page's description. */
export function reportPrintDetails(source: () => PageMeta): void {
  const shared = inject(PRINT_DETAILS, null);
  if (shared) shared.value = source;
}
