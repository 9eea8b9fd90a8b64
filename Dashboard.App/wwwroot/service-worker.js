// Service worker of the offline entry page (/lapangan only: registered with that scope, so the Blazor pages never go
// through it). It keeps the page shell (HTML, script, styles, icons, manifest) so the page opens without a connection:
// served from the cache at once, refreshed in the background when the network answers. Data and sends are NOT handled
// here: the page keeps its data and queue in IndexedDB and calls the API itself, so nothing is ever answered from a
// stale cache and every POST reaches the server or fails visibly.
const CACHE = 'renaksi-lapangan-v1';
const SHELL = [
  '/lapangan',
  '/lapangan/lapangan.js',
  '/lapangan/idnumber.js',
  '/lapangan/queue.js',
  '/lapangan/lapangan.css',
  '/lapangan/icon-192.png',
  '/lapangan/icon-512.png',
  '/manifest.webmanifest',
];

// Only a real answer is kept: not a redirect to the sign-in page, not an error.
const keepable = (response) => response && response.ok && !response.redirected && response.type === 'basic';

async function refresh(cache, path) {
  const response = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
  if (keepable(response)) await cache.put(path, response.clone());
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(SHELL.map((path) => refresh(cache, path).catch(() => null)));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const path = request.mode === 'navigate' && url.pathname === '/lapangan' ? '/lapangan' : url.pathname;
  if (!SHELL.includes(path)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(path);
    const network = refresh(cache, path).catch(() => null);
    if (cached) {
      event.waitUntil(network);
      return cached;
    }
    return (await network) ?? new Response('Tidak ada sinyal dan halaman belum tersimpan. Buka sekali saat daring.', {
      status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  })());
});
