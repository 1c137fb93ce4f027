import './assets/main.css';
import { whenIdle } from './shared/whenIdle';

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
/**
 * Once the page is on screen: the browser reports its first contentful paint after the paint
 * itself, which may come a little after the frame that produced it. Where paint timing is missing,
 * the frame after the first one.
 */
function afterFirstPaint(callback: () => void): void {
  if (!PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    // A frame's callbacks run before its paint: one queued from the first runs after it.
    requestAnimationFrame(() => requestAnimationFrame(callback));
    return;
  }
  const observer = new PerformanceObserver((entries) => {
    if (!entries.getEntriesByName('first-contentful-paint').length) return;
    observer.disconnect();
    callback();
  });
  observer.observe({ type: 'paint', buffered: true });
}

afterFirstPaint(() => whenIdle(start));
// Browsers do not paint background tabs: the timer starts the app there anyway.
setTimeout(start, 3000);
