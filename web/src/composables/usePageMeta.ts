import { computed } from 'vue';
import { useHead } from '@unhead/vue';
import { useSettingsStore } from '@/stores/settings';
import { pageHead, type PageMeta } from './pageHead';
import { useLocale } from './useLocale';
import { useSiteUrl } from './useSiteUrl';

export type { PageMeta } from './pageHead';

/**
 * The page's head tags from a reactive description of the page (see pageHead), with the
 * clinic's name from the CMS settings. Rendered into the HTML on the server, kept in step in
 * the browser.
 */
export function usePageMeta(source: () => PageMeta): void {
  const settings = useSettingsStore();
  const { locale } = useLocale();
  const siteUrl = useSiteUrl();
  useHead(
    computed(() =>
      pageHead(source(), {
        locale: locale.value,
        siteUrl,
        siteName: settings.state(locale.value).data?.clinicName,
      }),
    ),
  );
}
