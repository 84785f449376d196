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
    if (region.scrollWidth > region.clientWidth) {
      region.setAttribute("tabindex", "0");
    } else {
      region.removeAttribute("tabindex");
    }
  });
}
window.addEventListener("resize", function () { portalRullregioner(); });

// A form sent back with errors: the focus goes to the error summary, which lists every error
// with a link to its field; following a link puts the focus in the field, with its label in
// view.
function portalFelsammanfattning(root) {
  var summary = (root || document).querySelector("#formfel");
  if (summary) {
    summary.focus();
  }
}
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("#formfel a[href^='#']");
  if (!link) return;
  var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
  if (!target) return;
  event.preventDefault();
  // The field's legend or label in view with the field, as GOV.UK's error summary does; a
  // label hidden on this screen width (a table of fields) leaves the field itself.
  var group = target.closest("fieldset");
  var legend = group && group.querySelector("legend");
  var label = document.querySelector("label[for='" + target.id + "']");
  var anchor = label && label.offsetWidth > 1 ? label : target;
  if (legend && target.getBoundingClientRect().top - legend.getBoundingClientRect().top < window.innerHeight / 2) {
    anchor = legend;
  }
  anchor.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
});

document.addEventListener("DOMContentLoaded", function () {
  portalRullregioner();
  portalFelsammanfattning();
});
document.addEventListener("htmx:afterSettle", function (event) {
  portalRullregioner(event.target);
  portalFelsammanfattning(event.target);
});
