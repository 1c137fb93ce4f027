import { useSettingsStore } from '@/stores/settings';
import { useHead, type HeadInput } from './useHead';
import { useLocale } from './useLocale';

/** useHead with the clinic name (from the CMS settings) appended to the page title. */
export function usePageMeta(source: () => HeadInput): void {
  const settings = useSettingsStore();
  const { locale } = useLocale();
  useHead(() => {
    const head = source();
    const clinic = settings.state(locale.value).data?.clinicName;
    const title = head.title && clinic ? `${head.title} | ${clinic}` : head.title || clinic;
    return { ...head, title };
  });
}
