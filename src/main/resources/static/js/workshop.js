// The group's answer sheet on a phone: saves each field as the person types (debounced) and when they
// leave it; keeps unsaved text on the phone (localStorage) and sends it when the connection is back;
// shows both versions when someone else in the group saved the same field meanwhile, and until someone
// chooses (the server keeps both and saves nothing else in the field); follows the group's writing every
// two seconds without touching the field someone is typing in.
(function () {
  'use strict';
  var form = document.getElementById('sheet-form');
  if (!form || !window.fetch || !window.URLSearchParams) {
    return; // the form still works without script: the Save button posts the whole sheet
  }
  var DEBOUNCE_MS = 1000;
  var POLL_MS = 2000;
  var url = form.getAttribute('data-field-url');
  var fieldsUrl = form.getAttribute('data-fields-url');
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

  // A choice on an open conflict: saved as the field's next version, naming the conflict it closes.
  function resolveWith(q, value, version, conflictId) {
    clearConflict(q);
    setValue(q, value);
    versionInput(q).value = version;
    st(q).resolves = conflictId;
    save(q);
  }

  // Both versions side by side; the person chooses, nothing is overwritten silently. "Mine" is the text this
  // phone wrote; a conflict another phone met (seen by polling) shows neutral labels.
  function showConflict(q, theirs, theirVersion, mine, message, conflictId, others) {
    clearConflict(q);
    st(q).conflict = true;
    var panel = document.createElement('div');
    panel.className = 'conflict';
    panel.id = 'conflict-' + q;
    panel.setAttribute('role', 'alert');
    var p = document.createElement('p');
    p.textContent = message;
    panel.appendChild(p);
    panel.appendChild(block(msg(others ? 'saved-version' : 'theirs'), theirs));
    panel.appendChild(block(msg(others ? 'other-version' : 'mine'), mine));
    var choices = document.createElement('div');
    choices.className = 'choices';
    choices.appendChild(button(msg('use-theirs'), 'use-theirs', function () {
      resolveWith(q, theirs, theirVersion, conflictId);
    }));
    choices.appendChild(button(msg('keep-mine'), 'secondary keep-mine', function () {
      resolveWith(q, mine, theirVersion, conflictId);
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
    s.dirty = false;
    if (value === s.stored && !s.resolves) { forget(q); return; } // nothing new: a stale copy must not be sent
    var body = new URLSearchParams();
    body.append('questionId', q);
    body.append('version', versionInput(q).value);
    body.append('value', value);
    if (s.resolves) { body.append('resolves', s.resolves); }
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
          s.resolves = null;
          s.stored = value;
          versionInput(q).value = result.version;
          if (valueOf(q) === value) {
            forget(q);
            status(q, msg('saved'));
          } else {
            s.again = true; // typed on while it was saving
          }
        } else if (result.status === 'conflict') {
          s.resolves = null;
          showConflict(q, result.theirs, result.version, result.other, result.message, result.conflictId, false);
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
    st(q).dirty = true;
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

  // What the server holds for each field when the page came: a save of the same text sends nothing.
  fields().forEach(function (q) { st(q).stored = valueOf(q); });

  // A conflict the page came with (the server keeps it until someone chooses): no autosave in that field.
  form.querySelectorAll('[data-server-conflict]').forEach(function (panel) {
    st(panel.getAttribute('data-server-conflict')).conflict = true;
  });

  // Text that never reached the server (connection lost, page closed) comes back into the field.
  fields().forEach(function (q) {
    var p = pending(q);
    if (!p || p.value === valueOf(q)) { forget(q); return; }
    if (st(q).conflict) { return; } // the group chooses first; the text stays on the phone meanwhile
    if (String(p.version) === versionInput(q).value) {
      setValue(q, p.value);
      status(q, msg('restored'));
      save(q);
    } else {
      // written on an older version: sent with that version, so the server keeps it beside the saved text
      // and answers with the conflict to show (never saved over what the group saved meanwhile)
      setValue(q, p.value);
      versionInput(q).value = p.version;
      save(q);
    }
  });

  // The group's sheet, live: what others saved comes into fields nobody is typing in here; a conflict
  // another phone met is shown here too, and one resolved elsewhere goes away.
  function follow(data) {
    fields().forEach(function (q) {
      var server = data.fields && data.fields[q];
      var s = st(q);
      if (!server || s.inflight || s.dirty || s.resolves) { return; }
      var panel = document.getElementById('conflict-' + q);
      var local = Number(versionInput(q).value);
      var focused = document.activeElement === textarea(q);
      if (server.conflicts.length > 0) {
        if (!panel) {
          showConflict(q, server.value, server.version, server.conflicts[0].value, msg('conflict-open'),
            server.conflicts[0].id, true);
        }
        return;
      }
      if (panel) {
        clearConflict(q); // chosen on another phone
      }
      if (server.version > local && !focused && !pending(q)) {
        setValue(q, server.value);
        s.stored = server.value;
        versionInput(q).value = server.version;
        status(q, msg('updated'));
      }
    });
  }

  function poll() {
    if (document.visibilityState !== 'hidden' && navigator.onLine !== false) {
      fetch(fieldsUrl, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data) { follow(data); } })
        .catch(function () { /* offline: the next poll tries again */ });
    }
  }

  if (fieldsUrl && form.getAttribute('data-open') === 'true') {
    setInterval(poll, POLL_MS);
  }
})();
