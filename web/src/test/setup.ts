// The browser loads the HTTP client with the first request (src/api/index.ts); tests load it up
// front, so a test's first request takes as few ticks as the next ones.
await import('@/api/http');
