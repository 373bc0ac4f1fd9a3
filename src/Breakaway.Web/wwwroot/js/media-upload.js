// Upload forms: a file larger than the limit, or a missing description, is refused at the field before anything is
// sent. The server refuses both too (a larger file with a 413 page, but only after the browser has started sending
// it), but its answer is a new page, and a file input cannot be filled again: the therapist would choose the file anew.
document.querySelectorAll('form[data-max-bytes]').forEach(function (form) {
    var input = form.querySelector('input[type=file]');
    var error = form.querySelector('[data-file-error]');
    if (!input || !error) {
        return;
    }

    var max = Number(form.getAttribute('data-max-bytes'));
    function tooLarge() {
        return input.files && input.files.length > 0 && input.files[0].size > max;
    }

    function check() {
        if (tooLarge()) {
            error.textContent = form.getAttribute('data-too-large');
            input.setAttribute('aria-invalid', 'true');
            return false;
        }

        error.textContent = '';
        input.removeAttribute('aria-invalid');
        return true;
    }

    // The description the patient hears or reads instead of the picture.
    var described = form.querySelector('[data-required]');
    var describedError = form.querySelector('[data-required-error]');
    function checkDescription() {
        if (!described || !describedError) {
            return true;
        }

        var missing = described.value.trim() === '';
        describedError.textContent = missing ? described.getAttribute('data-required') : '';
        if (missing) {
            described.setAttribute('aria-invalid', 'true');
        } else {
            described.removeAttribute('aria-invalid');
        }

        return !missing;
    }

    input.addEventListener('change', check);
    form.addEventListener('submit', function (event) {
        if (!check()) {
            event.preventDefault();
            input.focus();
        } else if (input.files && input.files.length > 0 && !checkDescription()) {
            event.preventDefault();
            described.focus();
        }
    });
});
