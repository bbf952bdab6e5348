/* Handout pages: the Print button (hidden without JavaScript, where Ctrl+P or ⌘P does the same). */
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
})();
