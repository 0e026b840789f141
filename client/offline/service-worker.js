/* global self, caches, fetch, Response, URL */
/**
 * The H5 build's offline shell. config/offline-shell.ts emits this file as dist/h5/sw.js with
 * `self.__SHELL__ = { version, files }` in front: the build's version (a hash of every file name it wrote,
 * each named by content) and the files a first visit needs. What it does:
 *
 * - a page load (navigation) goes to the network first, so an online visit always gets the newest
 *   index.html and with it the newest code; the answer is kept; offline, the kept one is served, marked
 *   `data-offline-shell` so index.html shows 网络未连接，请检查网络后重试 over whatever the app can show;
 *   with nothing kept, a small Chinese page says the same (never the browser's own error page);
 * - scripts, stylesheets and images named by content (`app.0c3652b9.js`) come from the cache when there,
 *   else from the network and are kept: such a name never changes meaning;
 * - everything else (function calls, storage, the sign-in) is not touched: it goes to the network as if
 *   there were no service worker.
 *
 * One cache per build version; activating a new version deletes the others, so a deploy never leaves old
 * code behind to be served.
 */
var SHELL = self.__SHELL__
var PREFIX = 'pingan-shell-'
var CACHE = PREFIX + SHELL.version
var HASHED = /\/(js|css|static)\/.*\.[0-9a-f]{8,}\.[a-z0-9]+$/i
var OFFLINE_MESSAGE = '网络未连接，请检查网络后重试'

var OFFLINE_PAGE =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width,initial-scale=1"><title>平安网格</title>' +
  '<style>body{margin:0;padding:48px 24px;font-family:system-ui,sans-serif;background:#f5f6f8;color:#1f1f1f;line-height:1.5}' +
  'h1{margin:0 0 12px;font-size:28px;color:#c8102e}p{font-size:18px}' +
  'button{min-height:48px;padding:0 24px;border:0;border-radius:8px;background:#c8102e;color:#fff;font-size:18px}</style>' +
  '</head><body><h1>平安网格</h1><p id="offline-message" role="alert">' +
  OFFLINE_MESSAGE +
  '</p><button type="button" onclick="location.reload()">重试</button></body></html>'

function shellUrl() {
  return new URL('./', self.registration.scope).toString()
}

self.addEventListener('install', function (event) {
  var urls = [shellUrl()].concat(
    SHELL.files.map(function (file) {
      return new URL(file, self.registration.scope).toString()
    }),
  )
  // The first visit loaded these already: they come out of the browser's HTTP cache, not the network.
  event.waitUntil(
    caches
      .open(CACHE)
      .then(function (cache) {
        return cache.addAll(urls)
      })
      .then(function () {
        return self.skipWaiting()
      }),
  )
})

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.indexOf(PREFIX) === 0 && name !== CACHE
            })
            .map(function (name) {
              return caches.delete(name)
            }),
        )
      })
      .then(function () {
        return self.clients.claim()
      }),
  )
})

self.addEventListener('fetch', function (event) {
  var request = event.request
  if (request.method !== 'GET') return
  var url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (request.mode === 'navigate') event.respondWith(page(request))
  else if (HASHED.test(url.pathname)) event.respondWith(hashedFile(request))
})

/** Network first; the kept shell (marked as such) when the network fails; else the offline page. */
function page(request) {
  return fetch(request).then(
    function (response) {
      if (response.ok) {
        var copy = response.clone()
        caches.open(CACHE).then(function (cache) {
          return cache.put(shellUrl(), copy)
        })
      }
      return response
    },
    function () {
      return caches
        .open(CACHE)
        .then(function (cache) {
          return cache.match(shellUrl())
        })
        .then(function (kept) {
          if (!kept) return new Response(OFFLINE_PAGE, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } })
          return kept.text().then(function (html) {
            return new Response(html.replace('<html', '<html data-offline-shell'), {
              headers: { 'content-type': 'text/html; charset=utf-8' },
            })
          })
        })
    },
  )
}

/** Cache first: a content-named file never changes. */
function hashedFile(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request).then(function (kept) {
      if (kept) return kept
      return fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone())
        return response
      })
    })
  })
}
