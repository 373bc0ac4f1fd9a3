// Upload forms: a file larger than the limit is refused at the field before it is sent (the server refuses it too,
// with a 413 page, but only after the browser has started sending it).
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

    input.addEventListener('change', check);
    form.addEventListener('submit', function (event) {
        if (!check()) {
            event.preventDefault();
            input.focus();
        }
    });
});
