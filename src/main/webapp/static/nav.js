// The site navigation as disclosure menus (WAI-ARIA Authoring Practices, "disclosure navigation"):
// each group's label becomes a button that opens and closes its list (aria-expanded), Escape
// closes the open group and returns focus to its button, a click or focus outside closes it too.
// On a narrow screen one "Menu" button shows or hides all groups. Without this script every list
// is simply shown, so nothing depends on it.
(function () {
  "use strict";
  var nav = document.getElementById("site-nav");
  if (!nav) {
    return;
  }
  var groups = [];

  function close(group, focusButton) {
    group.button.setAttribute("aria-expanded", "false");
    group.list.hidden = true;
    if (focusButton) {
      group.button.focus();
    }
  }

  function open(group) {
    groups.forEach(function (other) {
      if (other !== group) {
        close(other, false);
      }
    });
    group.button.setAttribute("aria-expanded", "true");
    group.list.hidden = false;
  }

  nav.querySelectorAll(".nav-heading").forEach(function (label) {
    var list = label.parentNode.querySelector(".nav-list");
    if (!list) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.id = label.id;
    button.className = "nav-heading nav-group-button";
    button.textContent = label.textContent;
    button.setAttribute("aria-controls", list.id);
    // The group of the page shown starts marked, so a sighted user sees where they are.
    if (list.querySelector("[aria-current=page]")) {
      button.classList.add("nav-here");
    }
    label.parentNode.replaceChild(button, label);
    var group = { button: button, list: list };
    close(group, false);
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-expanded") === "true") {
        close(group, false);
      } else {
        open(group);
      }
    });
    groups.push(group);
  });

  nav.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    groups.forEach(function (group) {
      if (group.button.getAttribute("aria-expanded") === "true") {
        close(group, group.list.contains(document.activeElement) || group.button === document.activeElement);
      }
    });
  });

  document.addEventListener("click", function (event) {
    if (!nav.contains(event.target)) {
      groups.forEach(function (group) {
        close(group, false);
      });
    }
  });

  nav.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !nav.contains(event.relatedTarget)) {
      groups.forEach(function (group) {
        close(group, false);
      });
    }
  });

  var toggle = document.getElementById("nav-toggle");
  var all = document.getElementById("nav-groups");
  if (toggle && all) {
    toggle.hidden = false;
    nav.classList.add("nav-collapsible");
    toggle.addEventListener("click", function () {
      var expanded = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", expanded ? "false" : "true");
      nav.classList.toggle("nav-open", !expanded);
    });
  }
})();
