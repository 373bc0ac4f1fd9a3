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
