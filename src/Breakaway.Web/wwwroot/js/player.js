// The guided session player on /my/play. Progressive enhancement: without this file the page is a plain form that
// lists the exercises and ends with the short log. With it, one exercise per screen, a "get ready" count, each rep
// and hold counted, rest between sets timed, then the log on one screen.
//
// Nothing is lost: the session in progress is kept in localStorage (keyed by patient and program version) after every
// step, so a reload, a locked screen or a sign-in timeout resumes where the patient was. The form is sent with fetch;
// offline, it stays on the phone and is sent again when the network is back, with the same idempotency key, so the
// server stores it once however often it arrives: by this page (on "online", every 20 seconds, on the next visit) and,
// through the outbox in IndexedDB (js/outbox.js), by the service worker's Background Sync with the page closed.
//
// Timers are setInterval/setTimeout only (one tick a second), so a test can drive them with a fake clock.
(function () {
    'use strict';

    var root = document.querySelector('[data-player]');
    var form = document.getElementById('session-end');
    if (!root || !form || !window.localStorage || !window.fetch) {
        return;
    }

    var READY_SECONDS = 3;   // "get ready": 3-2-1 before each set
    var RELAX_SECONDS = 3;   // letting go between two holds
    var REP_SECONDS = 3;     // the pace of a rep without a hold
    var SWITCH_SECONDS = 5;  // time to turn over for the other side

    var screens = Array.prototype.slice.call(root.querySelectorAll('[data-exercise]'));
    var exercises = screens.map(function (screen) {
        return {
            name: screen.getAttribute('data-name'),
            sets: number(screen, 'data-sets'),
            reps: number(screen, 'data-reps'),
            hold: number(screen, 'data-hold'),
            rest: number(screen, 'data-rest'),
            perSide: screen.getAttribute('data-per-side') === 'true',
            sideName: screen.getAttribute('data-side-name') || 'side'
        };
    });
    var storageKey = root.getAttribute('data-storage-key');
    var today = root.getAttribute('data-today');
    var stored = (root.getAttribute('data-stored') || '').split(' ');
    var announcer = root.querySelector('[data-announce]');
    var alarm = root.querySelector('[data-alarm]');
    var summary = form.querySelector('[data-summary]');
    var status = form.querySelector('[data-status]');
    var saveButton = form.querySelector('[data-action="save"]');
    var offlineAlarm = form.querySelector('[data-offline-alarm]');

    // The red-flag rules' answers as the server reads them: a warning sign ticked, or pain of 7 or more for the session.
    function needsACall() {
        var pain = form.querySelector('input[name="Input.Pain"]:checked');
        return (pain !== null && parseInt(pain.value, 10) >= 7)
            || form.querySelector('.red-flag-check input[type="checkbox"]:checked') !== null;
    }
    var keyField = form.querySelector('[data-key]');

    var state = restore();
    var ticker = null;
    var audio = null;
    var wakeLock = null;

    function number(element, name) {
        return parseInt(element.getAttribute(name), 10) || 0;
    }

    // Keys of sessions this phone has sent and the server stored. A page kept for offline use still carries the key it
    // was served with: a new session started from that copy gets a key of its own, or the server would take it for a
    // retry of the one stored already and keep only that one.
    function sentKeys() {
        try {
            return JSON.parse(localStorage.getItem('breakaway.sent-keys')) || [];
        } catch (e) {
            return [];
        }
    }

    function rememberSent(key) {
        var keys = sentKeys().filter(function (k) { return k !== key; });
        keys.push(key);
        try {
            localStorage.setItem('breakaway.sent-keys', JSON.stringify(keys.slice(-20)));
        } catch (e) {
            // Storage refused: a kept copy may then reuse a key; the server still stores the first session once.
        }
    }

    // A version 4 UUID from getRandomValues (crypto.randomUUID needs a secure context).
    function newKey() {
        var bytes = crypto.getRandomValues(new Uint8Array(16));
        bytes[6] = (bytes[6] & 15) | 64;
        bytes[8] = (bytes[8] & 63) | 128;
        var hex = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join('');
        return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
    }

    function fresh() {
        if (stored.indexOf(keyField.value) >= 0 || sentKeys().indexOf(keyField.value) >= 0) {
            keyField.value = newKey();
        }

        return {
            version: 1,
            day: today,
            key: keyField.value,
            phase: 'exercise',     // exercise | alarm | end | sending | unsent
            index: 0,              // the exercise on screen
            step: null,            // null: the exercise's first screen; else where in its sets and reps
            results: exercises.map(function () { return null; }),
            answers: {},
            quiet: false,
            voice: false
        };
    }

    function restore() {
        var kept = null;
        try {
            kept = JSON.parse(localStorage.getItem(storageKey));
        } catch (e) {
            kept = null;
        }

        var unsent = kept && (kept.phase === 'sending' || kept.phase === 'unsent');
        if (!kept || kept.version !== 1 || kept.results.length !== exercises.length || stored.indexOf(kept.key) >= 0 || (kept.day !== today && !unsent)) {
            // Nothing kept, an older shape, a session the server has stored already, or yesterday's unfinished one.
            if (kept && stored.indexOf(kept.key) >= 0) {
                outbox(function (box) { return box.remove(kept.key); });
            }

            forget();
            return fresh();
        }

        keyField.value = kept.key;
        if (kept.step) {
            kept.step.paused = true;
        }

        return kept;
    }

    function save() {
        try {
            localStorage.setItem(storageKey, JSON.stringify(state));
        } catch (e) {
            // Storage full or refused (private mode): the player still works, it just cannot resume.
        }
    }

    function forget() {
        try {
            localStorage.removeItem(storageKey);
        } catch (e) {
            // Nothing to do.
        }
    }

    // --- Sound, vibration, voice, wake lock: all optional. ---

    function beep(frequency, milliseconds) {
        if (state.quiet) {
            return;
        }

        try {
            var Context = window.AudioContext || window.webkitAudioContext;
            if (!Context) {
                return;
            }

            audio = audio || new Context();
            var oscillator = audio.createOscillator();
            var gain = audio.createGain();
            oscillator.frequency.value = frequency;
            gain.gain.value = 0.2;
            oscillator.connect(gain);
            gain.connect(audio.destination);
            oscillator.start();
            oscillator.stop(audio.currentTime + milliseconds / 1000);
        } catch (e) {
            // No audio on this device.
        }
    }

    function buzz(milliseconds) {
        if (!state.quiet && navigator.vibrate) {
            navigator.vibrate(milliseconds);
        }
    }

    function speak(text) {
        if (state.voice && window.speechSynthesis && window.SpeechSynthesisUtterance) {
            window.speechSynthesis.cancel();
            window.speechSynthesis.speak(new window.SpeechSynthesisUtterance(text));
        }
    }

    // Screen readers hear only the start and end of holds and sets, never every second.
    function announce(text) {
        announcer.textContent = text;
        speak(text);
    }

    function keepScreenOn(on) {
        if (on && !wakeLock && navigator.wakeLock) {
            navigator.wakeLock.request('screen').then(function (lock) {
                wakeLock = lock;
                lock.addEventListener('release', function () { wakeLock = null; });
            }).catch(function () { wakeLock = null; });
        } else if (!on && wakeLock) {
            wakeLock.release();
            wakeLock = null;
        }
    }

    document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible' && state.step && !state.step.paused) {
            keepScreenOn(true);
        }
    });

    // --- Counting. ---

    function sideLabel(exercise, side) {
        return (side === 0 ? 'right ' : 'left ') + exercise.sideName;
    }

    function startTicking() {
        stopTicking();
        ticker = setInterval(tick, 1000);
    }

    function stopTicking() {
        if (ticker !== null) {
            clearInterval(ticker);
            ticker = null;
        }
    }

    function stage(name, seconds) {
        state.step.stage = name;
        state.step.left = seconds;
        var exercise = exercises[state.index];
        var step = state.step;
        if (name === 'hold') {
            beep(880, 200);
            buzz(150);
            announce('Rep ' + (step.rep + 1) + ' of ' + exercise.reps + ': hold');
        } else if (name === 'relax') {
            beep(440, 200);
            buzz(80);
            announce('Let go');
        } else if (name === 'rep') {
            beep(660, 120);
            speak(String(step.rep + 1));
        } else if (name === 'ready') {
            announce('Set ' + step.set + ' of ' + exercise.sets + (exercise.perSide ? ', ' + sideLabel(exercise, step.side) : '') + '. Get ready.');
        } else if (name === 'switch') {
            beep(520, 300);
            announce('Now the ' + sideLabel(exercise, 1));
        } else if (name === 'rest') {
            beep(440, 400);
            buzz(200);
            announce('Set ' + step.set + ' done. Rest for ' + seconds + ' seconds.');
        }

        save();
        render();
    }

    function tick() {
        var step = state.step;
        if (!step || step.paused) {
            return;
        }

        step.left -= 1;
        if (step.left > 0) {
            save();
            renderCount();
            return;
        }

        advance();
    }

    function nextRep() {
        var exercise = exercises[state.index];
        stage(exercise.hold > 0 ? 'hold' : 'rep', exercise.hold > 0 ? exercise.hold : REP_SECONDS);
    }

    function advance() {
        var exercise = exercises[state.index];
        var step = state.step;
        switch (step.stage) {
        case 'ready':
        case 'relax':
        case 'switch':
            nextRep();
            break;
        case 'hold':
        case 'rep':
            step.rep += 1;
            if (step.rep < exercise.reps) {
                if (step.stage === 'hold') {
                    stage('relax', RELAX_SECONDS);
                } else {
                    nextRep();
                }
            } else {
                endOfSide();
            }
            break;
        case 'rest':
            step.set += 1;
            step.side = 0;
            step.rep = 0;
            stage('ready', READY_SECONDS);
            break;
        default:
            break;
        }
    }

    function endOfSide() {
        var exercise = exercises[state.index];
        var step = state.step;
        if (step.stage === 'hold') {
            beep(440, 200);
            buzz(80);
        }

        if (exercise.perSide && step.side === 0) {
            step.side = 1;
            step.rep = 0;
            stage('switch', SWITCH_SECONDS);
            return;
        }

        step.setsDone = step.set;
        if (step.set < exercise.sets) {
            if (exercise.rest > 0) {
                stage('rest', exercise.rest);
            } else {
                step.set += 1;
                step.side = 0;
                step.rep = 0;
                stage('ready', READY_SECONDS);
            }

            return;
        }

        announce(exercise.name + ' done. Well done!');
        finish({ sets: exercise.sets, reps: exercise.reps, cue: null });
    }

    // What has been done of the exercise on screen so far: full sets, plus the set under way if it has a rep.
    function counted() {
        var exercise = exercises[state.index];
        var step = state.step;
        if (!step) {
            return { sets: 0, reps: 0 };
        }

        var full = step.setsDone || 0;
        var current = step.stage === 'rest' ? 0 : step.rep;
        var sets = full + (current > 0 ? 1 : 0);
        return { sets: sets, reps: sets === 0 ? 0 : Math.round((full * exercise.reps + current) / sets) };
    }

    function finish(result) {
        stopTicking();
        state.results[state.index] = result;
        state.step = null;
        state.index += 1;
        if (state.index >= exercises.length) {
            state.phase = 'end';
            keepScreenOn(false);
        }

        save();
        render(true);
    }

    // --- What the buttons do. ---

    var actions = {
        start: function () {
            state.step = { set: 1, side: 0, rep: 0, setsDone: 0, stage: 'ready', left: READY_SECONDS, paused: false };
            keepScreenOn(true);
            stage('ready', READY_SECONDS);
            startTicking();
            focusAction('pause');
        },
        pause: function () {
            state.step.paused = true;
            stopTicking();
            announce('Paused');
            save();
            render();
            focusAction('resume');
        },
        resume: function () {
            state.step.paused = false;
            keepScreenOn(true);
            save();
            render();
            startTicking();
            focusAction('pause');
        },
        stop: function () {
            if (state.step) {
                state.step.paused = true;
                stopTicking();
            }

            state.panel = 'stop';
            save();
            render();
            focusPanel('[data-stop-panel]');
        },
        'resume-from-stop': function () {
            state.panel = null;
            if (state.step) {
                actions.resume();
            } else {
                save();
                render();
            }
        },
        back: function () {
            stopTicking();
            state.panel = null;
            if (state.step) {
                state.step = null; // Back to the start of this exercise.
            } else if (state.index > 0) {
                state.index -= 1;
                state.results[state.index] = null;
            }

            save();
            render(true);
        },
        skip: function () {
            state.panel = null;
            var result = counted();
            result.cue = null;
            finish(result);
        },
        own: function () {
            if (state.step) {
                state.step.paused = true;
                stopTicking();
            }

            state.panel = 'own';
            save();
            render();
            focusPanel('[data-own-panel]');
        },
        'own-done': function () {
            var screen = screens[state.index];
            var sets = parseInt(screen.querySelector('[data-own-sets]').value, 10);
            var reps = parseInt(screen.querySelector('[data-own-reps]').value, 10);
            var error = screen.querySelector('[data-own-error]');
            if (!(sets >= 0 && sets <= 10) || !(reps >= 0 && reps <= 100) || (sets > 0 && reps < 1)) {
                error.textContent = 'Enter the sets (0 to 10) and the reps in each set (1 to 100).';
                screen.querySelector('[data-own-sets]').focus();
                return;
            }

            error.textContent = '';
            state.panel = null;
            finish({ sets: sets, reps: sets > 0 ? reps : 0, cue: null, own: true });
        },
        'own-cancel': function () {
            actions['resume-from-stop']();
        },
        'to-end': function () {
            state.phase = 'end';
            save();
            render(true);
        },
        save: function () {
            send();
        }
    };

    function chooseCue(button) {
        var result = counted();
        result.cue = button.getAttribute('data-cue');
        result.cueText = button.textContent;
        state.panel = null;
        if (button.getAttribute('data-cue-pain') === 'true') {
            // A cue that means pain: stop the whole session and show how to reach the clinic, as the saved page does.
            stopTicking();
            state.results[state.index] = result;
            state.step = null;
            state.index = exercises.length;
            state.phase = 'alarm';
            keepScreenOn(false);
            save();
            render(true);
            return;
        }

        announce('Stopped. On to the next exercise.');
        finish(result);
    }

    root.addEventListener('click', function (event) {
        var button = event.target.closest('button');
        if (!button || !root.contains(button)) {
            return;
        }

        var action = button.getAttribute('data-action');
        var cue = button.hasAttribute('data-cue');
        if (!action && !cue) {
            return;
        }

        event.preventDefault();
        // The second tap of a double tap (detail 2) would land on whatever button took the first one's place.
        if (event.detail > 1) {
            return;
        }

        if (cue) {
            chooseCue(button);
        } else if (actions[action]) {
            actions[action]();
        }
    });

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        send();
    });

    root.querySelectorAll('[data-setting]').forEach(function (box) {
        var name = box.getAttribute('data-setting');
        box.checked = !!state[name];
        box.addEventListener('change', function () {
            state[name] = box.checked;
            save();
        });
    });

    // The log's answers are kept as they are given, so a reload on the last screen keeps them too.
    function keepAnswers() {
        var answers = {};
        Array.prototype.forEach.call(form.elements, function (field) {
            if (!field.name || field.type === 'hidden' || field.name.indexOf('.SetsCompleted') > 0 || field.name.indexOf('.RepsPerSet') > 0 || field.name.indexOf('.StopCueId') > 0) {
                return;
            }

            if (field.type === 'radio' || field.type === 'checkbox') {
                if (field.checked) {
                    answers[field.name] = field.value;
                }
            } else if (field.value) {
                answers[field.name] = field.value;
            }
        });
        state.answers = answers;
        save();
    }

    form.addEventListener('change', keepAnswers);
    form.addEventListener('input', keepAnswers);

    function applyAnswers() {
        Array.prototype.forEach.call(form.elements, function (field) {
            if (!field.name || field.type === 'hidden' || !(field.name in state.answers) && field.type !== 'checkbox' && field.type !== 'radio') {
                return;
            }

            var value = state.answers[field.name];
            if (field.type === 'radio' || field.type === 'checkbox') {
                if (value !== undefined) {
                    field.checked = field.value === value;
                }
            } else if (value !== undefined) {
                field.value = value;
            }
        });
    }

    // The counted sets and reps go into the form's own fields; the summary says what was counted.
    function fillForm() {
        summary.textContent = '';
        exercises.forEach(function (exercise, i) {
            var result = state.results[i] || { sets: 0, reps: 0, cue: null };
            var prefix = 'Input.Exercises[' + i + '].';
            form.elements[prefix + 'SetsCompleted'].value = String(result.sets);
            form.elements[prefix + 'RepsPerSet'].value = String(result.sets > 0 ? result.reps : exercise.reps);
            form.elements[prefix + 'StopCueId'].value = result.cue || '';
            var item = document.createElement('li');
            item.setAttribute('data-summary-item', String(i));
            item.setAttribute('data-sets', String(result.sets));
            item.setAttribute('data-reps', String(result.sets > 0 ? result.reps : 0));
            var done = result.sets === 0 ? 'not done' : (result.sets === 1 ? '1 set of ' : result.sets + ' sets of ') + result.reps;
            item.textContent = exercise.name + ': ' + done + (result.cueText ? ' (stopped: ' + result.cueText + ')' : '');
            summary.appendChild(item);
        });
        summary.hidden = false;
        form.querySelector('[data-summary-title]').hidden = false;
    }

    // --- Sending. ---

    // The outbox in IndexedDB (js/outbox.js), where the service worker can reach it; without it (or without
    // IndexedDB) the page alone sends the session: on "online", every 20 seconds and on the next visit.
    function outbox(action) {
        if (!window.BreakawayOutbox || !window.indexedDB) {
            return Promise.resolve();
        }

        return action(window.BreakawayOutbox).catch(function () { });
    }

    // Offline: the session also goes to the outbox, and Background Sync (where the browser has it) asks the service
    // worker to send it when the connection is back, even if this page has been closed by then.
    function keepForBackgroundSync(body) {
        var key = state.key;
        outbox(function (box) {
            return box.put({ key: key, action: form.action, body: body.toString() }).then(function () {
                return 'serviceWorker' in navigator ? navigator.serviceWorker.ready : null;
            }).then(function (registration) {
                return registration && registration.sync ? registration.sync.register('breakaway-sessions') : null;
            });
        });
    }

    var sending = false;

    function send() {
        if (sending) {
            return;
        }

        if (!form.querySelector('input[name="Input.Pain"]:checked')) {
            var error = form.querySelector('[data-pain-error]');
            error.textContent = 'Choose how much pain you felt during the session, from 0 to 10.';
            form.querySelector('#Input_Pain').focus();
            return;
        }

        fillForm();
        keepAnswers();
        sending = true;
        state.phase = 'sending';
        save();
        render();
        var body = new URLSearchParams(new FormData(form));
        fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin' }).then(function (response) {
            var path = new URL(response.url).pathname;
            if (window.BreakawayOutbox.isStored(response)) {
                rememberSent(state.key);
                outbox(function (box) { return box.remove(state.key); });
                forget();
                window.location.assign(response.url);
                return;
            }

            sending = false;
            if (path.indexOf('/account/sign-in') === 0) {
                // Signed out by the idle limit: the session stays here, and signing in comes back to it.
                state.phase = 'unsent';
                save();
                window.location.assign(root.getAttribute('data-sign-in'));
                return;
            }

            // Anything else (the server found a problem in the answers): let the server's page show it.
            state.phase = 'end';
            save();
            form.submit();
        }).catch(function () {
            sending = false;
            state.phase = 'unsent';
            save();
            render();
            keepForBackgroundSync(body);
        });
    }

    window.addEventListener('online', function () {
        if (state.phase === 'unsent') {
            send();
        }
    });

    // Also try again every 20 seconds: the "online" event does not fire on every network change.
    setInterval(function () {
        if (state.phase === 'unsent' && navigator.onLine !== false) {
            send();
        }
    }, 20000);

    // --- Drawing the screen. ---

    function focusAction(name) {
        var screen = screens[state.index];
        var button = screen && screen.querySelector('[data-action="' + name + '"]');
        if (button) {
            button.focus();
        }
    }

    function focusPanel(selector) {
        var heading = screens[state.index].querySelector(selector + ' h3');
        heading.focus();
    }

    function renderCount() {
        var screen = screens[state.index];
        var step = state.step;
        if (!screen || !step) {
            return;
        }

        var exercise = exercises[state.index];
        var words = {
            ready: 'Get ready',
            hold: 'Hold',
            relax: 'Let go',
            rep: 'Rep ' + (step.rep + 1),
            rest: 'Rest',
            'switch': 'Now the ' + sideLabel(exercise, 1)
        };
        screen.querySelector('[data-phase]').textContent = step.paused ? 'Paused' : words[step.stage];
        screen.querySelector('[data-count]').textContent = step.stage === 'rep' ? String(step.rep + 1) : String(step.left);
        var where = 'Rep ' + Math.min(step.rep + 1, exercise.reps) + ' of ' + exercise.reps + ' · set ' + step.set + ' of ' + exercise.sets;
        if (exercise.perSide) {
            where += ' · ' + sideLabel(exercise, step.side);
        }

        screen.querySelector('[data-where]').textContent = where;
    }

    function show(element, visible) {
        element.hidden = !visible;
    }

    function render(moveFocus) {
        root.classList.add('player-on');
        var onExercise = state.phase === 'exercise';
        root.querySelectorAll('[data-player-only]').forEach(function (element) { element.hidden = !onExercise; });
        screens.forEach(function (screen, i) {
            var current = onExercise && i === state.index;
            show(screen, current);
            if (!current) {
                return;
            }

            var step = state.step;
            var running = !!step;
            var panel = state.panel || null;
            show(screen.querySelector('[data-run]'), running && !panel);
            show(screen.querySelector('[data-controls]'), !panel);
            show(screen.querySelector('[data-stop-panel]'), panel === 'stop');
            show(screen.querySelector('[data-own-panel]'), panel === 'own');
            show(screen.querySelector('[data-action="start"]'), !running);
            show(screen.querySelector('[data-action="pause"]'), running && !step.paused);
            show(screen.querySelector('[data-action="resume"]'), running && step.paused);
            show(screen.querySelector('[data-action="back"]'), running || state.index > 0);
            screen.querySelector('[data-action="start"]').textContent = state.index === 0 ? 'Start' : 'Start ' + exercises[state.index].name.toLowerCase();
            if (running) {
                renderCount();
            }

            if (moveFocus) {
                // A new exercise: its steps start folded (one tap away), the stop cues stay in sight.
                screen.querySelector('details').open = false;
                screen.querySelector('h2').focus();
            }
        });

        show(alarm, state.phase === 'alarm');
        var ending = state.phase === 'end' || state.phase === 'sending' || state.phase === 'unsent';
        show(form, ending);
        if (ending) {
            fillForm();
            applyAnswers();
            saveButton.disabled = state.phase === 'sending';
            status.textContent = state.phase === 'sending'
                ? 'Saving your session...'
                : state.phase === 'unsent'
                    ? 'Saved on this phone. It will be sent when you are back online; you can close this page. You can also press "Save today\'s session" again.'
                    : '';
            status.classList.toggle('player-status-waiting', state.phase === 'unsent');
            show(offlineAlarm, state.phase === 'unsent' && needsACall());
            if (moveFocus) {
                form.querySelector('#end-title').focus();
            }
        }

        if (moveFocus && state.phase === 'alarm') {
            alarm.querySelector('h2').focus();
        }
    }

    render(false);
    if (state.phase === 'sending' || state.phase === 'unsent') {
        // Back after a reload or a new sign-in with a session that was not sent: send it now.
        send();
    }
}());
