// The form designer: form-js's editor on the draft, saved as JSON to the server, which checks it and says what
// it refuses (each problem naming its field); and the preview's Tasklist side, form-js's viewer on the draft.
(function () {
  'use strict';

  function csrfHeaders() {
    var headers = { 'Content-Type': 'application/json' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { headers[header.content] = token.content; }
    return headers;
  }

  function loadSchema(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) { return r.json(); });
  }

  var viewerHost = document.getElementById('tasklist-preview');
  if (viewerHost && window.FormViewer) {
    loadSchema(viewerHost.dataset.schemaUrl).then(function (schema) {
      return new window.FormViewer.Form({ container: viewerHost }).importSchema(schema);
    });
  }

  var page = document.getElementById('designer');
  var host = document.getElementById('form-editor');
  if (!page || !host || !window.FormEditor) { return; }

  var version = Number(page.dataset.version);
  var dirty = false;
  var status = document.getElementById('save-status');
  var errors = document.getElementById('save-errors');
  var saveButton = document.getElementById('save-draft');
  var anyway = document.getElementById('save-anyway');
  var title = document.getElementById('title');
  var editor = new window.FormEditor.FormEditor({ container: host });
  // the properties panel applies typing after 300 ms: a save waits that long, so what was typed last is saved
  var SETTLE_MS = 400;
  var ready = loadSchema(page.dataset.schemaUrl).then(function (schema) { return editor.importSchema(schema); });

  function changed() {
    dirty = true;
    status.textContent = page.dataset.msgUnsaved;
  }
  ready.then(function () { editor.on('changed', changed); });
  title.addEventListener('input', changed);

  function versionInputs(v) {
    document.querySelectorAll('input[name="version"]').forEach(function (input) { input.value = v; });
  }

  function showErrors(list) {
    var ul = errors.querySelector('ul');
    ul.textContent = '';
    list.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text; // a label is shown as text, whatever it holds
      ul.appendChild(li);
    });
    errors.hidden = list.length === 0;
    if (list.length) { errors.focus(); }
  }

  function showNotes(list) {
    var notes = document.getElementById('tasklist-notes');
    if (!notes) { return; }
    var ul = notes.querySelector('ul');
    ul.textContent = '';
    list.forEach(function (text) {
      var li = document.createElement('li');
      li.textContent = text;
      ul.appendChild(li);
    });
  }

  // Saves the draft; with overwrite, over a draft someone else saved meanwhile (after being told so).
  function save(overwrite) {
    status.textContent = page.dataset.msgSaving;
    return new Promise(function (resolve) { setTimeout(resolve, SETTLE_MS); }).then(function () { return send(overwrite); });
  }

  function send(overwrite) {
    var body = { title: title.value, version: overwrite ? anyway.dataset.version : version, schema: editor.saveSchema() };
    return fetch(page.dataset.saveUrl, {
      method: 'POST', headers: csrfHeaders(), credentials: 'same-origin', body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().then(function (answer) { return { status: r.status, answer: answer }; });
    }).then(function (result) {
      var answer = result.answer;
      status.textContent = answer.message;
      showErrors(answer.errors || []);
      showNotes(answer.notes || []);
      anyway.hidden = !answer.conflict;
      anyway.dataset.version = answer.version;
      if (answer.saved) {
        dirty = false;
        version = answer.version;
        versionInputs(version);
      }
      return answer.saved;
    }).catch(function () {
      status.textContent = page.dataset.msgFailed; // the editor still holds every change
      return false;
    });
  }

  saveButton.addEventListener('click', function () { save(false); });
  anyway.addEventListener('click', function () { save(true); });

  // Publishing publishes what is saved: unsaved changes are saved first, and a refused save stops it.
  var publish = document.getElementById('publish-form');
  if (publish) {
    publish.addEventListener('submit', function (event) {
      if (!dirty) { return; }
      event.preventDefault();
      save(false).then(function (saved) { if (saved) { publish.submit(); } });
    });
  }

  window.addEventListener('beforeunload', function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = page.dataset.msgLeave; }
  });
})();
