import { ref } from 'vue';

/**
 * After a client-side navigation the page heading takes focus (so screen readers announce the
 * new page). The router asks for it; the next PageHeading to mount takes it.
 */
const focusRequested = ref(false);

export function requestPageFocus(): void {
  focusRequested.value = true;
}

/** Called by PageHeading when it mounts: true once per request. */
export function consumePageFocus(): boolean {
  if (!focusRequested.value) return false;
  focusRequested.value = false;
  return true;
}
