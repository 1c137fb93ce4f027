/**
 * Runs `callback` in the browser's next idle moment (within 2 s at the latest); returns what
 * cancels it. Safari has no idle callbacks: a short timer stands in.
 */
export function whenIdle(callback: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const handle = requestIdleCallback(callback, { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 100);
  return () => clearTimeout(handle);
}
