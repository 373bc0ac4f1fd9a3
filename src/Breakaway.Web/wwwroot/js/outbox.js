// The phone's outbox: guided sessions saved while offline, kept in IndexedDB so that the service worker can send
// them too. player.js puts a session here when sending fails; sw.js sends what is here when the browser's
// Background Sync says the connection is back, even with the page closed; whichever of the two succeeds first
// removes it. Each entry carries its session's idempotency key, so a session sent by both is stored once.
// Loaded by the guided session page (a script tag) and by the service worker (importScripts).
var BreakawayOutbox = (function () {
    'use strict';

    var STORE = 'sessions';

    function open() {
        return new Promise(function (resolve, reject) {
            var request = indexedDB.open('breakaway-outbox', 1);
            request.onupgradeneeded = function () {
                request.result.createObjectStore(STORE, { keyPath: 'key' });
            };
            request.onsuccess = function () { resolve(request.result); };
            request.onerror = function () { reject(request.error); };
        });
    }

    // One transaction; resolves with the request's result once the transaction has committed.
    function run(mode, action) {
        return open().then(function (db) {
            return new Promise(function (resolve, reject) {
                var transaction = db.transaction(STORE, mode);
                var request = action(transaction.objectStore(STORE));
                transaction.oncomplete = function () {
                    db.close();
                    resolve(request.result);
                };
                transaction.onerror = transaction.onabort = function () {
                    db.close();
                    reject(transaction.error);
                };
            });
        });
    }

    return {
        // The server's answer to a stored session: the saved session's page (after the redirect). The page and the
        // worker both decide by this whether a session can leave the phone.
        isStored: function (response) {
            return response.ok && /^\/my\/sessions\/\d+$/.test(new URL(response.url).pathname);
        },
        // entry: { key: the idempotency key, action: the form's URL, body: the form, URL-encoded }
        put: function (entry) { return run('readwrite', function (store) { return store.put(entry); }); },
        remove: function (key) { return run('readwrite', function (store) { return store.delete(key); }); },
        all: function () { return run('readonly', function (store) { return store.getAll(); }); }
    };
}());
