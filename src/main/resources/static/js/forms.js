// Shows and hides form fields as the person types, as the form's conditions say. The server's FEEL engine
// decides (POST /forms/{id}/conditions); without JavaScript the page is still right after each save.
(function () {
  'use strict';

  function refresh(container) {
    var form = container.closest('form');
    if (!form) { return; }
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === 'string') { data.append(name, value); } // never send the files
    });
    var preview = container.closest('[data-conditions-url]'); // the designer's preview of a draft
    var url = preview ? preview.dataset.conditionsUrl : (document.documentElement.dataset.contextPath || '') + '/forms/'
      + encodeURIComponent(container.dataset.formId) + '/conditions?formVersion='
      + encodeURIComponent(container.dataset.formVersion);
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) { headers[header.content] = token.content; }
    fetch(url, { method: 'POST', headers: headers, body: data, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (result) {
        if (!result) { return; }
        container.querySelectorAll('[data-field]').forEach(function (el) {
          el.hidden = result.hidden.indexOf(el.dataset.field) >= 0;
        });
      })
      .catch(function () { /* the server decides on save anyway */ });
  }

  document.addEventListener('change', function (event) {
    var container = event.target.closest && event.target.closest('.hc-form');
    if (container && event.target.type !== 'file') { refresh(container); }
  });
})();

// The task's button says what the chosen option does ("Send til bestyrelsen" / "Afslå ansøgningen").
(function () {
  'use strict';

  function label(form) {
    form.querySelectorAll('button.complete-task').forEach(function (button) {
      var chosen = null;
      button.querySelectorAll('[data-complete-field]').forEach(function (span) {
        var field = form.elements[span.dataset.completeField];
        var value = field && (field.value !== undefined ? field.value : null);
        var match = value === span.dataset.completeValue;
        span.hidden = !match;
        if (match) { chosen = span; }
      });
      var fallback = button.querySelector('[data-complete-default]');
      if (fallback) { fallback.hidden = chosen !== null; }
    });
  }

  document.addEventListener('change', function (event) {
    var form = event.target.form;
    if (form) { label(form); }
  });
  document.querySelectorAll('form').forEach(label);
})();
