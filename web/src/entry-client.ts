import './assets/main.css';

/*
 * The browser entry. A prerendered page is complete without scripts; the app only makes it
 * interactive. This module runs once the HTML is parsed; the app (./hydrate) is fetched and run in
 * the first idle moment after, once the browser has laid out and painted the page: on a slow
 * phone its scripts never hold back the content, nor compete with it for the processor.
 */
const start = () => void import('./hydrate');
if ('requestIdleCallback' in window) requestIdleCallback(start, { timeout: 2000 });
else setTimeout(start, 100); // Safari has no idle callbacks
