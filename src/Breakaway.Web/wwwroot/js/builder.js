// The program builder, enhanced: every button of the builder form is sent with fetch (the form's own fields, its
// antiforgery token included) and the server answers with the re-rendered form, swapped in place, so the page keeps
// its place. Focus goes where the server says (data-focus: the new row's dose, the moved row's button, Undo) and
// what happened is written to the page's live region. The library filters as you type; rows can be dragged.
// Without this file every button posts the form and the server redirects back to the changed row.
(function () {
    'use strict';
    var root = document.getElementById('builder-root');
    var status = document.getElementById('builder-status');
    if (!root || !status || !window.fetch || !window.FormData) {
        return;
    }

    var busy = false;

    function form() { return root.querySelector('form.builder'); }

    function say(text) {
        status.textContent = '';
        if (text) {
            var p = document.createElement('p');
            p.className = 'notice-ok';
            p.textContent = text;
            status.appendChild(p);
        }
    }

    // The same button in the re-rendered form (Save changes, Find...), for actions that do not name an element to focus.
    function same(fresh, submitter) {
        if (!submitter) {
            return null;
        }

        return Array.prototype.find.call(fresh.querySelectorAll('button'), function (button) {
            return button.getAttribute('formaction') === submitter.getAttribute('formaction') && button.value === submitter.value;
        }) || null;
    }

    function send(url, data, submitter) {
        if (busy) {
            return; // A double tap: the first request is still on its way.
        }

        busy = true;
        var current = form();
        var keep = document.activeElement && document.activeElement.id;
        current.setAttribute('aria-busy', 'true');
        fetch(url, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'X-Builder-Fragment': '1' } })
            .then(function (response) {
                if (response.redirected) {
                    window.location.assign(response.url);
                    return null;
                }

                if (!response.ok) {
                    throw new Error(response.status === 404 ? 'That exercise is no longer in this program. Reload the page.' : 'The change was not saved. Try again.');
                }

                return response.text();
            })
            .then(function (html) {
                if (html === null) {
                    return;
                }

                var template = document.createElement('template');
                template.innerHTML = html;
                var fresh = template.content.querySelector('form.builder');
                if (!fresh) {
                    throw new Error('The change was not saved. Try again.');
                }

                current.replaceWith(fresh);
                enhance(fresh);
                say(fresh.getAttribute('data-message'));
                var summary = fresh.querySelector('[data-error-summary]');
                var target = summary || document.getElementById(fresh.getAttribute('data-focus') || keep || '') || same(fresh, submitter);
                if (target) {
                    target.focus();
                }
            })
            .catch(function (error) {
                current.removeAttribute('aria-busy');
                say(error.message);
            })
            .finally(function () { busy = false; });
    }

    root.addEventListener('submit', function (event) {
        var submitter = event.submitter;
        if (submitter && submitter.hasAttribute('data-full')) {
            return; // Assigning and saving as a template load the page as before.
        }

        event.preventDefault();
        send(submitter ? submitter.formAction : event.target.action, new FormData(event.target, submitter), submitter);
    });

    // The library narrows as the therapist types or picks an area or category (the Find button does it without JavaScript).
    function filter(current) {
        var text = current.querySelector('#q').value.trim().toLowerCase();
        var area = current.querySelector('#area').value;
        var category = current.querySelector('#category').value;
        var items = current.querySelectorAll('.library-list > li');
        var shown = 0;
        items.forEach(function (item) {
            var match = (!text || item.getAttribute('data-text').indexOf(text) >= 0)
                && (!area || item.getAttribute('data-area') === area)
                && (!category || item.getAttribute('data-category') === category);
            item.hidden = !match;
            shown += match ? 1 : 0;
        });
        current.querySelector('[data-library-count]').textContent = 'Showing ' + shown + ' of ' + items.length + ' exercises.';
        current.querySelector('.library-none').hidden = shown > 0;
    }

    root.addEventListener('input', function (event) {
        if (event.target.matches('#q, #area, #category')) {
            filter(form());
        }
    });

    // Enter in the search box filters; it does not submit the whole form.
    root.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && event.target.matches('#q')) {
            event.preventDefault();
            filter(form());
        }
    });

    // Drag and drop by the handle, with pointer events (mouse, pen and touch alike); the Move buttons stay the way to
    // do it with a keyboard. The row moves as the pointer passes the middle of another; letting go sends the order.
    var dragged = null;
    var startOrder = '';

    function order(current) {
        return Array.prototype.map.call(current.querySelectorAll('.program-row'), function (row) { return row.getAttribute('data-row'); }).join(',');
    }

    root.addEventListener('pointerdown', function (event) {
        var handle = event.target.closest && event.target.closest('.drag-handle');
        if (!handle || event.button !== 0 || busy) {
            return;
        }

        event.preventDefault();
        dragged = handle.closest('.program-row');
        startOrder = order(form());
        dragged.classList.add('dragging');
        handle.setPointerCapture(event.pointerId);
    });

    root.addEventListener('pointermove', function (event) {
        if (!dragged) {
            return;
        }

        var under = document.elementFromPoint(event.clientX, event.clientY);
        var over = under && under.closest('.program-row');
        if (!over || over === dragged || over.parentNode !== dragged.parentNode) {
            return;
        }

        var box = over.getBoundingClientRect();
        over.parentNode.insertBefore(dragged, event.clientY > box.top + (box.height / 2) ? over.nextSibling : over);
    });

    function drop() {
        if (!dragged) {
            return;
        }

        var moved = dragged.getAttribute('data-row');
        dragged.classList.remove('dragging');
        dragged = null;
        var current = form();
        var now = order(current);
        if (now !== startOrder) {
            var data = new FormData(current);
            data.append('order', now);
            data.append('moved', moved);
            send(current.getAttribute('data-reorder'), data);
        }
    }

    root.addEventListener('pointerup', drop);
    root.addEventListener('pointercancel', drop);

    function enhance(current) {
        current.querySelectorAll('.drag-handle').forEach(function (handle) {
            handle.hidden = false;
        });
        filter(current);
    }

    enhance(form());
})();
