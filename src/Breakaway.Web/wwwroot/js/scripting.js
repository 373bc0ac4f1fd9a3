// Loaded in the head, before the page is drawn: marks the page as scripted so CSS can keep room for controls that a
// deferred script shows later (the guided session's Start button), and nothing jumps when they appear.
document.documentElement.classList.add('scripting');
