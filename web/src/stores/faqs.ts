import { defineStore } from 'pinia';
import type { Faq, Locale } from '@/api';
import { useCmsApi } from '@/api/provide';
import { createResourceMap } from './resource';

export const useFaqsStore = defineStore('faqs', () => {
  const api = useCmsApi();
  const faqs = createResourceMap<Faq[]>((locale) => api.getFaqs(locale as Locale));

  return {
    entries: faqs.entries,
    state: (locale: Locale) => faqs.get(locale),
    load: (locale: Locale) => faqs.load(locale),
    reload: (locale: Locale) => faqs.reload(locale),
  };
});
