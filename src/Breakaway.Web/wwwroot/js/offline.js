// Installable and usable offline (README, "Offline"). Progressive enhancement: without this file, or in a browser
// without service workers, every page works as before, online.
(function () {
    'use strict';

    if (!('serviceWorker' in navigator)) {
        return;
    }

    navigator.serviceWorker.register('/sw.js', { scope: '/' });

    // On /my, ask the worker to keep the pages this patient may need offline: the exercise pages of today's
    // program, the handout and the help page. The root element's data-offline-ready marks when they are kept.
    if (location.pathname === '/my') {
        var paths = new Set();
        document.querySelectorAll('main a[href]').forEach(function (link) {
            var url = new URL(link.href, location.href);
            if (url.origin === location.origin && /^\/exercises\/[a-z0-9-]+$/.test(url.pathname)) {
                paths.add(url.pathname);
            }
        });

        navigator.serviceWorker.addEventListener('message', function (event) {
            if (event.data && event.data.type === 'kept') {
                document.documentElement.setAttribute('data-offline-ready', 'true');
            }
        });
        navigator.serviceWorker.ready.then(function (registration) {
            registration.active.postMessage({ type: 'keep', urls: ['/my', '/my/play', '/my/handout', '/my/help'].concat(Array.from(paths)) });
        });
    }

    // "Add to home screen": a button where the browser offers installing (Chrome, Edge, Samsung Internet on
    // Android), the Share-menu words on an iPhone, nothing where the site already runs as an installed app.
    var hint = document.querySelector('[data-install-hint]');
    if (!hint || matchMedia('(display-mode: standalone)').matches || navigator.standalone) {
        return;
    }

    var button = hint.querySelector('button');
    var ios = hint.querySelector('[data-install-ios]');
    var offer = null;
    window.addEventListener('beforeinstallprompt', function (event) {
        event.preventDefault();
        offer = event;
        button.hidden = false;
        hint.hidden = false;
    });
    button.addEventListener('click', function () {
        if (offer) {
            offer.prompt();
            offer.userChoice.then(function () { hint.hidden = true; });
            offer = null;
        }
    });
    window.addEventListener('appinstalled', function () { hint.hidden = true; });
    if (/iPhone|iPad|iPod/.test(navigator.userAgent) && 'standalone' in navigator) {
        ios.hidden = false;
        hint.hidden = false;
    }
}());
