import { computed } from 'vue';
import { defineStore, type Pinia } from 'pinia';
import type { CmsApi } from '@/api';
import { useCmsApi } from '@/api/provide';
import { createResourceMap, type ResourceState } from './resource';

/** A question the site asks the CMS: one of CmsApi's functions. */
export type QueryName = keyof CmsApi;
export type QueryArgs<Q extends QueryName> = Parameters<CmsApi[Q]>;
export type QueryResult<Q extends QueryName> = Awaited<ReturnType<CmsApi[Q]>>;

/** `["getFaqs","en"]`: readable in the page state a prerendered page carries. */
const keyOf = (name: QueryName, args: readonly unknown[]) => JSON.stringify([name, ...args]);

/**
 * Everything the site has read from the CMS, by question (`getFaqs("en")`,
 * `getArticleBySlug("es", "…")`): one request in flight per question, answers kept for the
 * session (see resource.ts). The renderer awaits a page's questions before rendering it and the
 * page carries the answers to the browser, which hydrates without asking again.
 */
export const useContentStore = defineStore('content', () => {
  const api = useCmsApi();
  const answers = createResourceMap<unknown>((key) => {
    const [name, ...args] = JSON.parse(key) as [QueryName, ...unknown[]];
    return (api[name] as (...args: unknown[]) => Promise<unknown>)(...args);
  });

  return {
    entries: answers.entries,
    state: <Q extends QueryName>(name: Q, ...args: QueryArgs<Q>) =>
      answers.get(keyOf(name, args)) as ResourceState<QueryResult<Q>>,
    load: <Q extends QueryName>(name: Q, ...args: QueryArgs<Q>) => answers.load(keyOf(name, args)),
    reload: <Q extends QueryName>(name: Q, ...args: QueryArgs<Q>) =>
      answers.reload(keyOf(name, args)),
  };
});

/**
 * The answer to one question in a component, following its arguments (e.g. the page's locale):
 * `const faqs = useQuery('getFaqs', () => [locale.value])`.
 */
export function useQuery<Q extends QueryName>(name: Q, args: () => QueryArgs<Q>) {
  const store = useContentStore();
  return {
    state: computed(() => store.state(name, ...args())),
    reload: () => store.reload(name, ...args()),
  };
}

/** Loads a question's answer into `pinia` (route loaders: see router/pageData.ts). */
export function loadQuery<Q extends QueryName>(
  pinia: Pinia,
  name: Q,
  ...args: QueryArgs<Q>
): Promise<void> {
  return useContentStore(pinia).load(name, ...args);
}
