// The rule editor: CodeMirror over the draft's textarea (which keeps posting without JavaScript), Save and Check
// through htmx, and each problem of the answer marked at its line and column; a click on a problem goes there.
(function () {
  'use strict';
  const textarea = document.getElementById('drl');
  if (!textarea || !window.CodeMirror) {
    return;
  }
  const file = textarea.dataset.file;
  const maxBytes = Number(textarea.dataset.maxBytes);
  const cm = CodeMirror.fromTextArea(textarea, {
    mode: 'drl', lineNumbers: true, indentUnit: 4, readOnly: textarea.hasAttribute('readonly'),
    gutters: ['CodeMirror-linenumbers', 'drl-problems'], viewportMargin: Infinity
  });
  const marked = {lines: [], texts: []};
  let dirty = false;

  cm.on('change', function () {
    cm.save();
    dirty = true;
  });
  window.addEventListener('beforeunload', function (event) {
    if (dirty) {
      event.preventDefault();
      event.returnValue = textarea.dataset.unsaved;
    }
  });

  function result() {
    return document.getElementById('check-result');
  }

  function showError(message) {
    const box = result();
    box.replaceChildren();
    const alert = document.createElement('div');
    alert.className = 'alert alert-danger mb-0';
    alert.id = 'save-error';
    alert.setAttribute('role', 'alert');
    alert.textContent = message;
    box.appendChild(alert);
  }

  document.body.addEventListener('htmx:configRequest', function (event) {
    if (event.detail.elt.id !== 'file-form' && !event.detail.elt.closest('#file-form')) {
      return;
    }
    cm.save();
    if (new Blob([cm.getValue()]).size > maxBytes) {
      event.preventDefault(); // refused here: the server would refuse it too, after carrying it all the way
      showError(textarea.dataset.tooLarge);
    }
  });
  // the fragment with the reason is worth showing for the refusals the server answers (too large, not editable)
  document.body.addEventListener('htmx:beforeSwap', function (event) {
    const status = event.detail.xhr.status;
    if (event.detail.target.id === 'check-result' && (status === 400 || status === 409 || status === 413)) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.body.addEventListener('htmx:afterSwap', function (event) {
    if (event.detail.target.id === 'check-result' || event.detail.elt.id === 'check-result') {
      if (event.detail.xhr.status < 300) {
        dirty = false;
      }
      markProblems();
    }
  });

  function clearMarks() {
    marked.lines.forEach(function (line) { cm.removeLineClass(line, 'wrap', 'drl-problem-line'); });
    marked.texts.forEach(function (mark) { mark.clear(); });
    marked.lines = [];
    marked.texts = [];
    cm.clearGutter('drl-problems');
  }

  function problems() {
    return Array.prototype.map.call(document.querySelectorAll('#check-result .problem-link'), function (link) {
      return {link: link, file: link.dataset.file, line: Number(link.dataset.line),
        column: Number(link.dataset.column), message: link.dataset.message};
    });
  }

  function markProblems() {
    clearMarks();
    const titles = {};
    problems().forEach(function (p) {
      if (p.file !== file || p.line < 1) {
        return;
      }
      const line = Math.min(p.line, cm.lineCount()) - 1;
      titles[line] = (titles[line] ? titles[line] + '\n' : '') + p.message;
      marked.lines.push(cm.addLineClass(line, 'wrap', 'drl-problem-line'));
      const marker = document.createElement('span');
      marker.className = 'drl-problem-marker';
      marker.textContent = '\u25CF';
      marker.title = titles[line];
      cm.setGutterMarker(line, 'drl-problems', marker);
      if (p.column > 0) {
        const ch = Math.min(p.column - 1, cm.getLine(line).length);
        const word = cm.findWordAt({line: line, ch: ch});
        const to = word.head.ch > ch ? word.head : {line: line, ch: Math.min(ch + 1, cm.getLine(line).length)};
        marked.texts.push(cm.markText({line: line, ch: ch}, to, {className: 'drl-problem-mark', title: p.message}));
      }
      p.link.addEventListener('click', function (event) {
        event.preventDefault();
        cm.focus();
        cm.setCursor({line: line, ch: Math.max(p.column - 1, 0)});
        cm.scrollIntoView(null, 100);
      });
    });
  }

  markProblems();
  const first = problems().find(function (p) { return p.file === file && p.line > 0; });
  if (first) {
    cm.setCursor({line: first.line - 1, ch: Math.max(first.column - 1, 0)});
    cm.scrollIntoView(null, 100);
  }
})();
