// Keeps what a person types in a form in this browser's localStorage until the
// form is saved, so that nothing typed is lost when the session ends (an
// autosave refused, a form sent after the session expired).
//
// Which forms: every POST form (method="post" or hx-post) with a text field,
// unless it has a password field or carries data-keep-typed="off". Which
// fields: text-like inputs, textareas, selects, checkboxes and radios; never
// passwords, files, hidden fields (the CSRF token among them) or buttons.
//
// Key: "danvan:typed:" + the signed-in person (body[data-person]) + the page's
// path + "#" + the form's id (or its action and position when it has no id).
// A draft also holds the form's values as the page rendered them ("base").
//
// Restored when the form is shown again untouched: at once, with a note and a
// "Bỏ nội dung đã giữ" button, when the page shows the form as it was when the
// draft was started; offered with a "Dùng lại" button when the page now shows
// something else (someone saved the record meanwhile).
//
// Forgotten only once the save succeeded:
// * a form sent normally: the server answers a successful save with a redirect (or a 200 page)
//   and adds the form's action path to the "danvan-saved" cookie
//   (core/middleware.py, SessionEndedMiddleware); the next page forgets every
//   draft of this person whose form posts to one of those paths;
// * a form sent by htmx (autosave): when its request answers 2xx, if nothing
//   was typed while it was on its way.
// A 401 (session ended) keeps the draft and shows the server's message.
// Drafts older than 14 days are forgotten.
(function () {
  "use strict";

  var PREFIX = "danvan:typed:";
  var MAX_AGE_MS = 14 * 24 * 3600 * 1000;
  var SAVED_COOKIE = "danvan-saved";
  var SKIPPED_TYPES = ["password", "file", "hidden", "submit", "button", "image", "reset"];
  var TEXT_TYPES = ["text", "search", "email", "tel", "url", "number", "date", "datetime-local", "month", "time", "week"];

  var sent = new WeakMap(); // an htmx request → the form's values when it was sent
  var store;
  try {
    store = window.localStorage;
    store.getItem(PREFIX);
  } catch (error) {
    return; // storage disabled: nothing to keep
  }

  function words() {
    return document.getElementById("keep-typed-words").dataset;
  }

  function person() {
    return document.body.dataset.person || "";
  }

  function isKept(field) {
    if (!field.name || field.name === "csrfmiddlewaretoken" || field.disabled) return false;
    var tag = field.tagName.toLowerCase();
    if (tag === "textarea" || tag === "select") return true;
    return tag === "input" && SKIPPED_TYPES.indexOf(field.type) === -1;
  }

  function isText(field) {
    var tag = field.tagName.toLowerCase();
    return tag === "textarea" || (tag === "input" && TEXT_TYPES.indexOf(field.type) !== -1);
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, isKept);
  }

  function isWatched(form) {
    if (!form || form.tagName !== "FORM" || form.dataset.keepTyped === "off") return false;
    var posts = (form.getAttribute("method") || "").toLowerCase() === "post" || form.hasAttribute("hx-post");
    if (!posts || form.querySelector('input[type="password"]')) return false;
    return fields(form).some(isText);
  }

  function actionPath(form) {
    return new URL(form.getAttribute("action") || location.href, location.href).pathname;
  }

  function keyOf(form) {
    var name = form.id;
    if (!name) {
      var forms = Array.prototype.filter.call(document.forms, isWatched);
      name = actionPath(form) + "@" + forms.indexOf(form);
    }
    return PREFIX + person() + ":" + location.pathname + "#" + name;
  }

  // The values of the form's kept fields, now (or as the page rendered them).
  function values(form, rendered) {
    return fields(form).map(function (field) {
      var value;
      if (field.type === "checkbox" || field.type === "radio") {
        value = rendered ? field.defaultChecked : field.checked;
      } else if (field.tagName.toLowerCase() === "select") {
        value = Array.prototype.filter
          .call(field.options, function (option) {
            return rendered ? option.defaultSelected : option.selected;
          })
          .map(function (option) {
            return option.value;
          });
      } else {
        value = rendered ? field.defaultValue : field.value;
      }
      return [field.name, value];
    });
  }

  function same(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function read(key) {
    try {
      return JSON.parse(store.getItem(key));
    } catch (error) {
      return null;
    }
  }

  function keep(form) {
    var key = keyOf(form);
    var now = values(form, false);
    var base = values(form, true);
    if (same(now, base)) {
      store.removeItem(key);
      return;
    }
    var draft = read(key);
    var started = draft && draft.base ? draft.base : base;
    try {
      store.setItem(key, JSON.stringify({ at: Date.now(), action: actionPath(form), base: started, values: now }));
    } catch (error) {
      // storage full: the form still works
    }
  }

  function apply(form, kept) {
    var list = fields(form);
    if (list.length !== kept.length) return false;
    for (var i = 0; i < list.length; i += 1) {
      if (list[i].name !== kept[i][0]) return false;
    }
    list.forEach(function (field, i) {
      var value = kept[i][1];
      if (field.type === "checkbox" || field.type === "radio") {
        field.checked = value;
      } else if (field.tagName.toLowerCase() === "select") {
        Array.prototype.forEach.call(field.options, function (option) {
          option.selected = value.indexOf(option.value) !== -1;
        });
      } else {
        field.value = value;
      }
    });
    return true;
  }

  function note(form, text, buttons) {
    var box = document.createElement("div");
    box.className = "alert alert-info d-flex flex-wrap align-items-center gap-2 keep-typed-note";
    box.setAttribute("role", "status");
    var span = document.createElement("span");
    span.textContent = text;
    box.appendChild(span);
    buttons.forEach(function (button) {
      var element = document.createElement("button");
      element.type = "button";
      element.className = button.primary ? "btn btn-sm btn-primary" : "btn btn-sm btn-outline-secondary";
      element.textContent = button.label;
      element.addEventListener("click", function () {
        button.act();
        box.remove();
      });
      box.appendChild(element);
    });
    form.parentNode.insertBefore(box, form);
    return box;
  }

  function discard(form, key) {
    return function () {
      store.removeItem(key);
      form.reset();
    };
  }

  function restore(form) {
    var key = keyOf(form);
    var draft = read(key);
    if (!draft || !draft.values) return;
    var rendered = values(form, true);
    if (!same(values(form, false), rendered) || same(draft.values, rendered)) return;
    if (same(draft.base, rendered)) {
      if (apply(form, draft.values)) {
        note(form, words().restored, [{ label: words().discard, act: discard(form, key) }]);
      }
      return;
    }
    note(form, words().offer, [
      {
        label: words().use,
        primary: true,
        act: function () {
          if (apply(form, draft.values)) {
            draft.base = rendered;
            store.setItem(key, JSON.stringify(draft));
            note(form, words().restored, [{ label: words().discard, act: discard(form, key) }]);
          }
        },
      },
      { label: words().discard, act: discard(form, key) },
    ]);
  }

  // Drafts of forms the server says were saved, and drafts too old to matter.
  function forgetSaved() {
    var saved = [];
    document.cookie.split(";").forEach(function (pair) {
      var parts = pair.trim().split("=");
      if (parts[0] === SAVED_COOKIE && parts[1]) {
        saved = parts[1].replace(/"/g, "").split("|").map(decodeURIComponent);
      }
    });
    if (saved.length) {
      document.cookie = SAVED_COOKIE + "=; Max-Age=0; path=/; SameSite=Lax";
    }
    var mine = PREFIX + person() + ":";
    for (var i = store.length - 1; i >= 0; i -= 1) {
      var key = store.key(i);
      if (!key || key.indexOf(PREFIX) !== 0) continue;
      var draft = read(key);
      var old = !draft || Date.now() - (draft.at || 0) > MAX_AGE_MS;
      if (old || (key.indexOf(mine) === 0 && saved.indexOf(draft.action) !== -1)) {
        store.removeItem(key);
      }
    }
  }

  function formOf(element) {
    if (!element) return null;
    var form = element.tagName === "FORM" ? element : element.form || element.closest("form");
    return isWatched(form) ? form : null;
  }

  function showEnded(html) {
    var main = document.getElementById("noi-dung") || document.body;
    var old = main.querySelector(".session-ended");
    if (old) old.remove();
    var holder = document.createElement("div");
    holder.innerHTML = html || "";
    var box = holder.querySelector(".session-ended");
    if (!box) {
      box = document.createElement("div");
      box.className = "alert alert-warning session-ended mb-3";
      box.setAttribute("role", "alert");
      box.textContent = words().ended;
    }
    main.insertBefore(box, main.firstChild);
  }

  function start() {
    if (!person()) {
      // Signed out (the sign-in page): keep every draft for when they are back.
      return;
    }
    forgetSaved();
    Array.prototype.filter.call(document.forms, isWatched).forEach(restore);

    document.addEventListener("input", function (event) {
      var form = formOf(event.target);
      if (form) keep(form);
    });
    document.addEventListener("change", function (event) {
      var form = formOf(event.target);
      if (form) keep(form);
    });
    document.addEventListener("submit", function (event) {
      var form = formOf(event.target);
      if (form) keep(form);
    });
    document.body.addEventListener("htmx:beforeRequest", function (event) {
      var form = formOf(event.detail.elt);
      if (form && event.detail.xhr) sent.set(event.detail.xhr, JSON.stringify(values(form, false)));
    });
    document.body.addEventListener("htmx:afterRequest", function (event) {
      var detail = event.detail;
      var form = formOf(detail.elt);
      if (detail.xhr && detail.xhr.status === 401) {
        if (form) keep(form);
        showEnded(detail.xhr.responseText);
        return;
      }
      if (form && detail.successful && sent.get(detail.xhr) === JSON.stringify(values(form, false))) {
        store.removeItem(keyOf(form));
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
