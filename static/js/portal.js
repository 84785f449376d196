// Förbundsportalen. No inline scripts anywhere (Content-Security-Policy: script-src 'self').
document.addEventListener("htmx:configRequest", function (event) {
  // Django's CSRF token for htmx requests, read from the cookie-less hidden input of the page.
  var token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) {
    event.detail.headers["X-CSRFToken"] = token.value;
  }
});

// Ctrl+Enter (Cmd+Enter) saves a form marked data-ctrl-enter, e.g. a protocol paragraph.
document.addEventListener("keydown", function (event) {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    var form = event.target.closest && event.target.closest("form[data-ctrl-enter]");
    if (form) {
      event.preventDefault();
      form.requestSubmit();
    }
  }
});

// A table's scroll region (.tabell-rulla) is in the tab order only while it has something to
// scroll to; without this script it always is, which is the safe default.
function portalRullregioner(root) {
  (root || document).querySelectorAll(".tabell-rulla").forEach(function (region) {
    if (region.scrollWidth > region.clientWidth + 1) {
      region.setAttribute("tabindex", "0");
    } else {
      region.removeAttribute("tabindex");
    }
  });
}
window.addEventListener("resize", function () { portalRullregioner(); });

document.addEventListener("DOMContentLoaded", function () {
  portalRullregioner();
});
document.addEventListener("htmx:afterSettle", function (event) {
  portalRullregioner(event.target);
});
