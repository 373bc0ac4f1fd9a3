// Breakaway's service worker: the patient's pages keep working where the signal drops (README, "Offline").
//
// - Fingerprinted static files (/css/site.abc123defg.css) never change under their name: cache first.
// - The patient's own pages (/my, the guided session, the handout and help page) and the exercise pages: network first, so an online
//   visit always shows the current program; the cached copy is used only when the network fails.
// - Anything else offline gets the offline page. Staff pages (/admin) and every non-GET request pass straight
//   through and are never stored.
// - Signing out answers with Clear-Site-Data, which empties these caches and unregisters this worker. A visit to
//   the sign-in page (someone else signing in, or a session ended by the idle limit, which redirects there) deletes
//   the cached pages too.

'use strict';

importScripts('/js/outbox.js');

var VERSION = 'v1';
var STATIC_CACHE = 'breakaway-static-' + VERSION;
var PAGE_CACHE = 'breakaway-pages-' + VERSION;
var OFFLINE_URL = '/offline';

// Pages worth keeping for a patient at home. Exact paths, or a prefix ending in '/'.
var PAGE_PATHS = ['/my', '/my/play', '/my/handout', '/my/help', '/exercises/'];
var FINGERPRINTED = /\.[a-z0-9]{10}\.(css|js|svg|png|webp|jpg|woff2)$/;

function isPage(url) {
    return url.origin === self.location.origin && PAGE_PATHS.some(function (path) {
        return path.endsWith('/') ? url.pathname.startsWith(path) : url.pathname === path;
    });
}

// The fingerprinted files (styles, scripts, pictures) a page's HTML names by its own root-relative paths.
function fingerprintedIn(html) {
    return Array.from(html.matchAll(/(?:href|src)="(\/[^"]+)"/g), function (match) { return match[1]; })
        .filter(function (path) { return FINGERPRINTED.test(path); });
}

function isStatic(url) {
    return url.origin === self.location.origin && FINGERPRINTED.test(url.pathname);
}

// The offline page and the styles and scripts it names, so that it (and any cached page) looks right offline.
self.addEventListener('install', function (event) {
    event.waitUntil((async function () {
        var page = await fetch(OFFLINE_URL, { credentials: 'omit' });
        var html = await page.clone().text();
        var assets = fingerprintedIn(html);
        var statics = await caches.open(STATIC_CACHE);
        await statics.addAll(assets);
        await statics.put(OFFLINE_URL, page);
        await self.skipWaiting();
    })());
});

self.addEventListener('activate', function (event) {
    event.waitUntil((async function () {
        var names = await caches.keys();
        await Promise.all(names.filter(function (name) {
            return name.startsWith('breakaway-') && name !== STATIC_CACHE && name !== PAGE_CACHE;
        }).map(function (name) { return caches.delete(name); }));
        await self.clients.claim();
    })());
});

async function cacheFirst(request) {
    var cached = await caches.match(request);
    if (cached) {
        return cached;
    }

    var response = await fetch(request);
    if (response.ok) {
        var statics = await caches.open(STATIC_CACHE);
        await statics.put(request, response.clone());
    }

    return response;
}

// A page is stored only when it is a real answer for the signed-in patient; an error is passed on and never
// replaces the copy a patient may need offline. Being sent to the sign-in page means the session has ended (signed
// out elsewhere, or the idle limit): the pages of whoever used this phone are deleted at once.
async function store(request, response) {
    if (response.redirected && new URL(response.url).pathname.startsWith('/account/sign-in')) {
        await caches.delete(PAGE_CACHE);
        return response;
    }

    if (response.ok && !response.redirected && response.type === 'basic') {
        var pages = await caches.open(PAGE_CACHE);
        await pages.put(request.url.split('#')[0], response.clone());
    }

    return response;
}

async function networkFirst(request) {
    try {
        return await store(request, await fetch(request));
    } catch (offline) {
        var cached = await caches.match(request.url.split('#')[0], { cacheName: PAGE_CACHE });
        return cached || offlinePage();
    }
}

async function offlinePage() {
    var page = await caches.match(OFFLINE_URL, { cacheName: STATIC_CACHE });
    return page || new Response('You are offline.', { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

self.addEventListener('fetch', function (event) {
    var request = event.request;
    if (request.method !== 'GET') {
        return;
    }

    var url = new URL(request.url);
    if (isStatic(url)) {
        event.respondWith(cacheFirst(request));
    } else if (isPage(url)) {
        event.respondWith(networkFirst(request));
    } else if (request.mode === 'navigate' && url.origin === self.location.origin && url.pathname.startsWith('/account/sign-in')) {
        event.waitUntil(caches.delete(PAGE_CACHE));
        event.respondWith(fetch(request).catch(offlinePage));
    } else if (request.mode === 'navigate' && url.origin === self.location.origin && !url.pathname.startsWith('/admin')) {
        event.respondWith(fetch(request).catch(offlinePage));
    }
});

// /my names the pages a patient may open offline (its exercise pages, the handout, the help page); they are
// fetched now, while the network is there, so they are ready in the basement.
self.addEventListener('message', function (event) {
    var data = event.data || {};
    if (data.type !== 'keep' || !Array.isArray(data.urls)) {
        return;
    }

    event.waitUntil(Promise.all(data.urls.map(function (path) {
        var url = new URL(path, self.location.origin);
        if (!isPage(url)) {
            return Promise.resolve();
        }

        // The page and the scripts, styles and pictures it names: the guided session needs its script offline.
        var request = new Request(url.href, { credentials: 'same-origin' });
        return fetch(request).then(function (response) { return store(request, response); })
            .then(function (response) { return response.ok ? response.clone().text() : ''; })
            .then(function (html) {
                return Promise.all(fingerprintedIn(html).map(function (path) { return cacheFirst(new Request(path)).catch(function () { }); }));
            })
            .catch(function () { });
    })).then(function () {
        if (event.source) {
            event.source.postMessage({ type: 'kept', count: data.urls.length });
        }
    }));
});

// Background Sync: the browser wakes this worker when the connection is back, even with the page closed, and the
// sessions saved offline (js/outbox.js) are sent. A session the server stored leaves the outbox. A failed send
// (still offline) rejects, so the browser tries again later. Any other answer (signed out, or the server found a
// problem in the answers) leaves the session where it is: the guided session page shows it on the next visit,
// with what to do, and sends it from there.
var SYNC_TAG = 'breakaway-sessions';

async function sendKept(entry) {
    var response = await fetch(entry.action, {
        method: 'POST',
        body: new URLSearchParams(entry.body),
        credentials: 'same-origin'
    });
    if (BreakawayOutbox.isStored(response)) {
        await BreakawayOutbox.remove(entry.key);
    }
}

self.addEventListener('sync', function (event) {
    if (event.tag === SYNC_TAG) {
        event.waitUntil(BreakawayOutbox.all().then(function (entries) { return Promise.all(entries.map(sendKept)); }));
    }
});
