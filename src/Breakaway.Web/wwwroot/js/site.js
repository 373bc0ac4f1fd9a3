// Progressive enhancement only: every page works without this file.
document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
});

// Hold timers on exercise cards: counts down the prescribed hold, announced politely to screen readers.
document.querySelectorAll('[data-hold]').forEach(function (button) {
    var output = button.parentElement.querySelector('[data-hold-output]');
    var timer = null;
    button.hidden = false;
    button.addEventListener('click', function () {
        var left = parseInt(button.getAttribute('data-hold'), 10);
        clearInterval(timer);
        output.textContent = 'Hold: ' + left;
        timer = setInterval(function () {
            left -= 1;
            if (left <= 0) {
                clearInterval(timer);
                output.textContent = 'Done. Lower slowly.';
            } else {
                output.textContent = 'Hold: ' + left;
            }
        }, 1000);
    });
});

// Error summary (GOV.UK's pattern): after a failed submit, focus moves to the summary so it is read first; its links
// move focus to the field and bring the field's label (or its group's legend) into view with it.
(function () {
    var summary = document.querySelector('[data-error-summary]');
    if (!summary) {
        return;
    }

    summary.focus();
    summary.addEventListener('click', function (event) {
        var link = event.target.closest('a[href^="#"]');
        var field = link && document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
        if (!field) {
            return;
        }

        event.preventDefault();
        var fieldset = field.closest('fieldset');
        var label = document.querySelector('label[for="' + field.id + '"]');
        var context = label || (fieldset && fieldset.querySelector('legend')) || field;
        context.scrollIntoView();
        field.focus({ preventScroll: true });
    });
}());

// Signing out forgets what player.js kept on this device (a guided session, the keys of sent ones), so the next person cannot read it.
document.querySelectorAll('.site-header form.inline-form').forEach(function (form) {
    form.addEventListener('submit', function () {
        try {
            Object.keys(localStorage).filter(function (key) { return key.indexOf('breakaway.') === 0; })
                .forEach(function (key) { localStorage.removeItem(key); });
        } catch (e) {
            // No storage: nothing was kept.
        }
    });
});

// Moving drawings (SMIL) are drawn on the main thread: each moves only while it is on screen, so a page of cards asks
// an older phone for one animation at a time, not five. Each can also be stopped and started again with its button
// (WCAG 2.2.2: anything that moves on its own for more than five seconds). Scrolling starts again only what scrolling
// stopped: a drawing the patient stopped stays still until they press "Play the movement".
(function () {
    var pausedOffScreen = new WeakSet();
    var stoppedByPatient = new WeakSet();
    var observer = 'IntersectionObserver' in window ? new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
            var svg = entry.target;
            if (stoppedByPatient.has(svg)) {
                return;
            }

            if (!entry.isIntersecting && !svg.animationsPaused()) {
                svg.pauseAnimations();
                pausedOffScreen.add(svg);
            } else if (entry.isIntersecting && pausedOffScreen.has(svg)) {
                pausedOffScreen.delete(svg);
                svg.unpauseAnimations();
            }
        });
    }) : null;

    document.querySelectorAll('svg.drawing-motion').forEach(function (svg) {
        if (typeof svg.pauseAnimations !== 'function') {
            return;
        }

        if (observer) {
            observer.observe(svg);
        }

        var button = svg.parentElement.querySelector('[data-drawing-toggle]');
        var label = button && button.querySelector('[data-drawing-toggle-label]');
        if (!label) {
            return;
        }

        button.hidden = false;
        button.addEventListener('click', function () {
            if (stoppedByPatient.has(svg)) {
                stoppedByPatient.delete(svg);
                pausedOffScreen.delete(svg);
                svg.unpauseAnimations();
                label.textContent = 'Pause the movement';
            } else {
                stoppedByPatient.add(svg);
                svg.pauseAnimations();
                label.textContent = 'Play the movement';
            }
        });
    });
}());
