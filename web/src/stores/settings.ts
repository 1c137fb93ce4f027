import { defineStore } from 'pinia';
import type { Locale, SiteSetting } from '@/api';
import { useCmsApi } from '@/api/provide';
import { createResourceMap } from './resource';

export const useSettingsStore = defineStore('settings', () => {
  const api = useCmsApi();
  const settings = createResourceMap<SiteSetting>((locale) => api.getSiteSetting(locale as Locale));

  return {
    entries: settings.entries,
    state: (locale: Locale) => settings.get(locale),
    load: (locale: Locale) => settings.load(locale),
    reload: (locale: Locale) => settings.reload(locale),
  };
});
