import { useQuery } from '@/stores/content';
import { useLocale } from './useLocale';

/** The site settings in the page's language (header, footer, crisis help, home page). */
export function useSiteSettings() {
  const { locale } = useLocale();
  return useQuery('getSiteSetting', () => [locale.value]);
}
