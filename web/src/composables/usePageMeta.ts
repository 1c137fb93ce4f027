import { computed } from 'vue';
import { useHead } from '@unhead/vue';
import { useSiteSettings } from './useSiteSettings';
import { reportPageMeta } from '@/ssr/renderContext';
import { pageHead, type PageMeta } from './pageHead';
import { useLocale } from './useLocale';
import { useSiteUrl } from './useSiteUrl';
import { reportPrintDetails } from './usePrintDetails';

export type { PageMeta } from './pageHead';

/**
 * The page's head tags from a reactive description of the page (see pageHead), with the
 * clinic's name from the CMS settings. Rendered into the HTML on the server, kept in step in
 * the browser.
 */
export function usePageMeta(source: () => PageMeta): void {
  const settings = useSiteSettings();
  const { locale } = useLocale();
  const siteUrl = useSiteUrl();
  reportPageMeta(source);
  reportPrintDetails(source); // the printed page's frame (PrintFrame.vue)
  useHead(
    computed(() =>
      pageHead(source(), {
        locale: locale.value,
        siteUrl,
        siteName: settings.state.value.data?.clinicName,
      }),
    ),
  );
}
