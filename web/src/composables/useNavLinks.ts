import { computed } from 'vue';
import { useRouter } from 'vue-router';
import { useI18n } from '@/i18n';
import { staticPath } from '@/router/paths';
import { useLocale } from './useLocale';

/** The header's and footer's links: the routes that ask for one (`meta.nav`), in route order. */
export function useNavLinks() {
  const router = useRouter();
  const { path } = useLocale();
  const { t } = useI18n();
  return computed(() =>
    router.options.routes.flatMap((route) => {
      const label = route.meta?.nav;
      const at = staticPath(route.path);
      if (!label || at === null) return [];
      return [{ to: path(at), label: t(label), exact: at === '/' }];
    }),
  );
}
