// Rules: a zip larger than the import takes is refused before it is uploaded, with the reason beside the field.
(function () {
  'use strict';
  const form = document.getElementById('import-form');
  const input = document.getElementById('import-zip');
  if (!form || !input) {
    return;
  }
  const feedback = document.getElementById('import-zip-error');
  form.addEventListener('submit', function (event) {
    const file = input.files && input.files[0];
    if (file && file.size > Number(input.dataset.maxBytes)) {
      event.preventDefault();
      input.classList.add('is-invalid');
      feedback.textContent = input.dataset.tooLarge;
    }
  });
  input.addEventListener('change', function () {
    input.classList.remove('is-invalid');
  });
})();
