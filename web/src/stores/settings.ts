import { defineStore } from 'pinia';
import { getSiteSetting, type Locale, type SiteSetting } from '@/api';
import { createResourceMap } from './resource';

export const useSettingsStore = defineStore('settings', () => {
  const settings = createResourceMap<SiteSetting>((locale) => getSiteSetting(locale as Locale));

  return {
    entries: settings.entries,
    state: (locale: Locale) => settings.get(locale),
    load: (locale: Locale) => settings.load(locale),
    reload: (locale: Locale) => settings.reload(locale),
  };
});
