import { defineAsyncComponent, hydrateOnVisible, type Component } from 'vue';

/**
 * The component, its prerendered markup taken over only once it nears the screen (Vue's lazy
 * hydration): what is below the fold costs nothing when the page starts, so on a slow phone
 * taking over the page is one short task instead of a long one that would hold up a first tap.
 * Rendered as usual on the server and on client-side navigation. Visible when the page starts:
 * taken over with the rest.
 */
export function hydrateWhenVisible<T extends Component>(component: T): T {
  return defineAsyncComponent({
    loader: () => Promise.resolve(component),
    // Ahead of the screen: hydrated before a visitor scrolling down can reach it.
    hydrate: hydrateOnVisible({ rootMargin: '200px' }),
  }) as T;
}
