// Sends the CSRF token with every htmx request (pages carry it in a meta tag).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// A refused form: the error summary takes the focus (autofocus is not honoured on a non-field everywhere).
document.addEventListener('DOMContentLoaded', function () {
  var summary = document.querySelector('.error-summary[autofocus]');
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
});
