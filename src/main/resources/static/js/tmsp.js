// Confirm dialogs for forms marked data-confirm, and htmx requests that carry the CSRF token.
(function () {
  'use strict';
  const dialogElement = document.getElementById('confirm-dialog');
  if (dialogElement && window.bootstrap) {
    const dialog = new bootstrap.Modal(dialogElement);
    let pending = null;
    document.addEventListener('submit', function (event) {
      const form = event.target;
      if (!form.dataset.confirm || form.dataset.confirmed === 'yes') {
        return;
      }
      event.preventDefault();
      pending = form;
      document.getElementById('confirm-text').textContent = form.dataset.confirm;
      dialog.show();
    });
    document.getElementById('confirm-ok').addEventListener('click', function () {
      if (pending) {
        pending.dataset.confirmed = 'yes';
        dialog.hide();
        pending.requestSubmit ? pending.requestSubmit() : pending.submit();
      }
    });
  }
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    document.body.addEventListener('htmx:configRequest', function (event) {
      event.detail.headers[header.content] = token.content;
    });
  }
})();
