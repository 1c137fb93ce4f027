import { defineStore } from 'pinia';
import { getFaqs, type Faq, type Locale } from '@/api';
import { createResourceMap } from './resource';

export const useFaqsStore = defineStore('faqs', () => {
  const faqs = createResourceMap<Faq[]>((locale) => getFaqs(locale as Locale));

  return {
    entries: faqs.entries,
    state: (locale: Locale) => faqs.get(locale),
    load: (locale: Locale) => faqs.load(locale),
    reload: (locale: Locale) => faqs.reload(locale),
  };
});
