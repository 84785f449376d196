// Förbundsportalen. No inline scripts anywhere (Content-Security-Policy: script-src 'self').
document.addEventListener("htmx:configRequest", function (event) {
  // Django's CSRF token for htmx requests, read from the cookie-less hidden input of the page.
  var token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) {
    event.detail.headers["X-CSRFToken"] = token.value;
  }
});
