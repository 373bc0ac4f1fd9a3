// Live preview in the exercise editor: when a drawing field changes, post the form to the preview handler and
// show the drawing it returns. Without this script the "Preview drawing" button does the same with a page load.
(function () {
    'use strict';
    var editor = document.querySelector('[data-drawing-editor]');
    if (!editor) { return; }
    var form = editor.closest('form');
    var preview = editor.querySelector('[data-drawing-preview]');
    var url = editor.getAttribute('data-preview-url');
    var timer = 0;
    var latest = 0;

    function refresh() {
        var ticket = ++latest;
        fetch(url, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
            .then(function (response) { return response.ok ? response.text() : null; })
            .then(function (html) {
                // Only the answer to the newest change is shown; a bad number keeps the last good drawing.
                if (html === null || ticket !== latest) { return; }
                var parsed = new DOMParser().parseFromString(html, 'text/html');
                preview.replaceChildren.apply(preview, Array.prototype.map.call(parsed.body.childNodes, function (node) {
                    return document.importNode(node, true);
                }));
            })
            .catch(function () { /* the button still works */ });
    }

    editor.addEventListener('input', function (event) {
        if (!event.target.name || event.target.name.indexOf('Input.Drawing') !== 0) { return; }
        clearTimeout(timer);
        timer = setTimeout(refresh, 250);
    });
})();
