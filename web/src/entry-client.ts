import './assets/main.css';

/*
 * The browser entry. A prerendered page is complete without scripts; the app only makes it
 * interactive. This module runs once the HTML is parsed; the app (./hydrate, and the chunks Vite
 * preloads with it) is requested only after the browser has painted the page, in the first idle
 * moment after: on a slow phone its scripts never hold back the content, nor compete with it for
 * the network or the processor.
 */
let started = false;
const start = () => {
  if (started) return;
  started = true;
  void import('./hydrate');
};
const whenIdle = (callback: () => void) =>
  'requestIdleCallback' in window
    ? requestIdleCallback(callback, { timeout: 2000 })
    : setTimeout(callback, 100); // Safari has no idle callbacks
// A frame's callbacks run before its paint, so a callback queued from one runs after the first
// paint. Browsers pause frames in background tabs: the timer starts the app there anyway.
requestAnimationFrame(() => requestAnimationFrame(() => whenIdle(start)));
setTimeout(start, 3000);
