// The group's answer sheet on a phone: saves each field as the person types (debounced) and when they
// leave it; keeps unsaved text on the phone (localStorage) and sends it when the connection is back;
// shows both versions when someone else in the group saved the same field meanwhile.
(function () {
  'use strict';
  var form = document.getElementById('sheet-form');
  if (!form || !window.fetch || !window.URLSearchParams) {
    return; // the form still works without script: the Save button posts the whole sheet
  }
  var DEBOUNCE_MS = 1000;
  var url = form.getAttribute('data-field-url');
  var storeKey = form.getAttribute('data-storage-key');
  var tokenMeta = document.querySelector('meta[name="_csrf"]');
  var headerMeta = document.querySelector('meta[name="_csrf_header"]');
  var state = {};

  function msg(name) { return form.getAttribute('data-msg-' + name) || ''; }
  function st(q) { return state[q] || (state[q] = {}); }
  function versionInput(q) { return document.getElementById('v' + q); }
  function textarea(q) { return document.getElementById('q' + q); }

  function valueOf(q) {
    var ta = textarea(q);
    if (ta) { return ta.value; }
    var checked = form.querySelector('input[name="q' + q + '"]:checked');
    return checked ? checked.value : '';
  }

  function setValue(q, value) {
    var ta = textarea(q);
    if (ta) { ta.value = value; return; }
    form.querySelectorAll('input[name="q' + q + '"]').forEach(function (r) { r.checked = r.value === value; });
  }

  function status(q, text, problem) {
    var el = document.getElementById('status-' + q);
    if (el) {
      el.textContent = text;
      el.classList.toggle('problem', !!problem);
    }
  }

  function key(q) { return storeKey + ':' + q; }
  function remember(q) {
    try {
      localStorage.setItem(key(q), JSON.stringify({ value: valueOf(q), version: Number(versionInput(q).value) }));
    } catch (e) { /* private mode or full: the text is still in the field */ }
  }
  function forget(q) { try { localStorage.removeItem(key(q)); } catch (e) { /* ignore */ } }
  function pending(q) {
    try { return JSON.parse(localStorage.getItem(key(q)) || 'null'); } catch (e) { return null; }
  }

  function clearConflict(q) {
    var panel = document.getElementById('conflict-' + q);
    if (panel) { panel.remove(); }
    st(q).conflict = false;
  }

  function block(label, text) {
    var wrap = document.createDocumentFragment();
    var p = document.createElement('p');
    var strong = document.createElement('strong');
    strong.textContent = label;
    p.appendChild(strong);
    var quote = document.createElement('blockquote');
    quote.textContent = text || '–';
    wrap.appendChild(p);
    wrap.appendChild(quote);
    return wrap;
  }

  function button(text, cls, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  // Both versions side by side; the person chooses, nothing is overwritten silently.
  function showConflict(q, theirs, theirVersion, mine, message) {
    clearConflict(q);
    st(q).conflict = true;
    var panel = document.createElement('div');
    panel.className = 'conflict';
    panel.id = 'conflict-' + q;
    panel.setAttribute('role', 'alert');
    var p = document.createElement('p');
    p.textContent = message;
    panel.appendChild(p);
    panel.appendChild(block(msg('theirs'), theirs));
    panel.appendChild(block(msg('mine'), mine));
    var choices = document.createElement('div');
    choices.className = 'choices';
    choices.appendChild(button(msg('use-theirs'), 'use-theirs', function () {
      setValue(q, theirs);
      versionInput(q).value = theirVersion;
      forget(q);
      clearConflict(q);
      status(q, msg('saved'));
    }));
    choices.appendChild(button(msg('keep-mine'), 'secondary keep-mine', function () {
      versionInput(q).value = theirVersion;
      clearConflict(q);
      save(q);
    }));
    panel.appendChild(choices);
    var statusEl = document.getElementById('status-' + q);
    statusEl.parentNode.insertBefore(panel, statusEl.nextSibling);
    status(q, '');
  }

  function save(q) {
    var s = st(q);
    clearTimeout(s.timer);
    if (s.conflict) { return; }
    if (s.inflight) { s.again = true; return; }
    var value = valueOf(q);
    var body = new URLSearchParams();
    body.append('questionId', q);
    body.append('version', versionInput(q).value);
    body.append('value', value);
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' };
    if (tokenMeta && headerMeta) { headers[headerMeta.content] = tokenMeta.content; }
    s.inflight = true;
    status(q, msg('saving'));
    fetch(url, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
      .then(function (response) {
        return response.json().catch(function () { return { status: 'error' }; });
      })
      .then(function (result) {
        if (result.status === 'saved') {
          versionInput(q).value = result.version;
          if (valueOf(q) === value) {
            forget(q);
            status(q, msg('saved'));
          } else {
            s.again = true; // typed on while it was saving
          }
        } else if (result.status === 'conflict') {
          showConflict(q, result.theirs, result.version, valueOf(q), result.message);
        } else if (result.message) {
          status(q, result.message, true); // closed or invalid: the text stays in the field and on the phone
        } else {
          status(q, msg('error'), true);
        }
      })
      .catch(function () { status(q, msg('offline'), true); })
      .finally(function () {
        s.inflight = false;
        if (s.again && navigator.onLine !== false) { s.again = false; save(q); }
      });
  }

  function questionOf(el) { return el && el.getAttribute('data-question'); }

  form.addEventListener('input', function (event) {
    var q = questionOf(event.target);
    if (!q) { return; }
    remember(q);
    if (st(q).conflict) { return; }
    if (event.target.tagName === 'TEXTAREA') {
      clearTimeout(st(q).timer);
      st(q).timer = setTimeout(function () { save(q); }, DEBOUNCE_MS);
    } else {
      save(q);
    }
  });

  // leaving a field saves it at once
  form.addEventListener('change', function (event) {
    var q = questionOf(event.target);
    if (q && event.target.tagName === 'TEXTAREA') { save(q); }
  });

  function fields() {
    var seen = {};
    var list = [];
    form.querySelectorAll('[data-autosave]').forEach(function (el) {
      var q = questionOf(el);
      if (q && !seen[q]) { seen[q] = true; list.push(q); }
    });
    return list;
  }

  window.addEventListener('online', function () {
    fields().forEach(function (q) { if (pending(q)) { save(q); } });
  });

  // Text that never reached the server (connection lost, page closed) comes back into the field.
  fields().forEach(function (q) {
    var p = pending(q);
    if (!p || p.value === valueOf(q)) { forget(q); return; }
    if (String(p.version) === versionInput(q).value) {
      setValue(q, p.value);
      status(q, msg('restored'));
      save(q);
    } else {
      var theirs = valueOf(q);
      setValue(q, p.value);
      showConflict(q, theirs, Number(versionInput(q).value), p.value, msg('restored'));
    }
  });
})();
