// The article body's editor: the page's toolbar (translated in the template) over an editable area that
// writes its HTML back into the form's textarea. No internet, no inline script; the server sanitises anyway.
(function () {
  function setUp() {
    var textarea = document.querySelector("textarea[data-rich-editor]");
    var toolbar = document.querySelector("[data-rich-toolbar]");
    if (!textarea || !toolbar) return;
    var area = document.createElement("div");
    area.className = "rich-area";
    area.contentEditable = "true";
    area.setAttribute("role", "textbox");
    area.setAttribute("aria-multiline", "true");
    if (textarea.id) area.setAttribute("aria-labelledby", textarea.id + "-label");
    // Typing starts in a paragraph, and Enter opens a new one (not a <div>, which the server would strip).
    area.innerHTML = textarea.value.trim() || "<p><br></p>";
    document.execCommand("defaultParagraphSeparator", false, "p");
    textarea.parentNode.insertBefore(toolbar, textarea);
    textarea.parentNode.insertBefore(area, textarea);
    textarea.hidden = true;
    toolbar.hidden = false;
    function sync() { textarea.value = area.innerHTML; }
    area.addEventListener("input", sync);
    textarea.form.addEventListener("submit", sync);
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-command]");
      if (!button) return;
      event.preventDefault();
      area.focus();
      var command = button.getAttribute("data-command");
      var value = button.getAttribute("data-value");
      if (command === "createLink") {
        value = window.prompt(button.getAttribute("data-prompt") || "URL", "https://");
        if (!value) return;
      }
      document.execCommand(command, false, value);
      sync();
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
