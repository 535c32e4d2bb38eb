// The article editor: Tiptap (on ProseMirror) over a plain <textarea data-rich-text>, which stays in
// the form and receives the HTML, so the page works without script and the server sanitizes
// whatever arrives. Accessibility: the editing area is a labelled multi-line textbox; the toolbar
// is one tab stop (role=toolbar, arrow keys move between its buttons, Home/End), every button has a
// text name and toggles say aria-pressed; Alt+F10 or Escape in the text goes to the toolbar, Escape
// in the toolbar goes back to the text, Tab leaves either (in a table Tab moves between cells, as
// the hint under the editor says). No style is injected (the page's stylesheet styles the editor),
// so a strict Content-Security-Policy (style-src 'self') holds.
import { Editor } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import Image from "@tiptap/extension-image";
import { TableKit } from "@tiptap/extension-table";

const TEXTS = {
  cs: {
    toolbar: "Formátování textu",
    paragraph: "Odstavec",
    h2: "Nadpis 2",
    h3: "Nadpis 3",
    bold: "Tučně",
    italic: "Kurzíva",
    bulletList: "Odrážky",
    orderedList: "Číslovaný seznam",
    blockquote: "Citace",
    link: "Odkaz",
    unlink: "Zrušit odkaz",
    linkPrompt: "Adresa odkazu (https://…)",
    table: "Vložit tabulku",
    addRow: "Přidat řádek",
    addColumn: "Přidat sloupec",
    deleteRow: "Smazat řádek",
    deleteColumn: "Smazat sloupec",
    deleteTable: "Smazat tabulku",
    undo: "Zpět",
    redo: "Znovu",
    inserted: "Obrázek vložen do textu.",
  },
  en: {
    toolbar: "Text formatting",
    paragraph: "Paragraph",
    h2: "Heading 2",
    h3: "Heading 3",
    bold: "Bold",
    italic: "Italic",
    bulletList: "Bulleted list",
    orderedList: "Numbered list",
    blockquote: "Quote",
    link: "Link",
    unlink: "Remove link",
    linkPrompt: "Link address (https://…)",
    table: "Insert table",
    addRow: "Add row",
    addColumn: "Add column",
    deleteRow: "Delete row",
    deleteColumn: "Delete column",
    deleteTable: "Delete table",
    undo: "Undo",
    redo: "Redo",
    inserted: "Image inserted into the text.",
  },
};

function texts() {
  return document.documentElement.lang === "en" ? TEXTS.en : TEXTS.cs;
}

/** The buttons: name, whether it toggles (and how to ask if it is on), what it does. */
function buttons(t) {
  return [
    { key: "paragraph", active: (e) => e.isActive("paragraph"), run: (c) => c.setParagraph() },
    { key: "h2", active: (e) => e.isActive("heading", { level: 2 }), run: (c) => c.toggleHeading({ level: 2 }) },
    { key: "h3", active: (e) => e.isActive("heading", { level: 3 }), run: (c) => c.toggleHeading({ level: 3 }) },
    { key: "bold", active: (e) => e.isActive("bold"), run: (c) => c.toggleBold() },
    { key: "italic", active: (e) => e.isActive("italic"), run: (c) => c.toggleItalic() },
    { key: "bulletList", active: (e) => e.isActive("bulletList"), run: (c) => c.toggleBulletList() },
    { key: "orderedList", active: (e) => e.isActive("orderedList"), run: (c) => c.toggleOrderedList() },
    { key: "blockquote", active: (e) => e.isActive("blockquote"), run: (c) => c.toggleBlockquote() },
    {
      key: "link",
      active: (e) => e.isActive("link"),
      run: (c, e) => {
        const previous = e.getAttributes("link").href || "https://";
        const href = window.prompt(t.linkPrompt, previous);
        if (href === null) {
          return c;
        }
        return href.trim() === "" ? c.unsetLink() : c.extendMarkRange("link").setLink({ href: href.trim() });
      },
    },
    { key: "unlink", run: (c) => c.unsetLink() },
    { key: "table", run: (c) => c.insertTable({ rows: 3, cols: 3, withHeaderRow: true }) },
    { key: "addRow", run: (c) => c.addRowAfter() },
    { key: "addColumn", run: (c) => c.addColumnAfter() },
    { key: "deleteRow", run: (c) => c.deleteRow() },
    { key: "deleteColumn", run: (c) => c.deleteColumn() },
    { key: "deleteTable", run: (c) => c.deleteTable() },
    { key: "undo", run: (c) => c.undo() },
    { key: "redo", run: (c) => c.redo() },
  ];
}

function enhance(textarea) {
  const t = texts();
  const label = document.querySelector('label[for="' + textarea.id + '"]');
  const wrapper = document.createElement("div");
  wrapper.className = "rich-text";
  const toolbar = document.createElement("div");
  toolbar.className = "rich-text-toolbar";
  toolbar.setAttribute("role", "toolbar");
  toolbar.setAttribute("aria-label", t.toolbar);
  const area = document.createElement("div");
  area.className = "rich-text-area";
  wrapper.appendChild(toolbar);
  wrapper.appendChild(area);
  textarea.parentNode.insertBefore(wrapper, textarea);
  textarea.hidden = true;

  const describedBy = textarea.getAttribute("aria-describedby");
  const editor = new Editor({
    element: area,
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        link: { openOnClick: false, autolink: true, protocols: ["http", "https", "mailto"] },
        code: false,
        codeBlock: false,
      }),
      Image.configure({ inline: false, allowBase64: false }),
      TableKit.configure({ table: { resizable: false } }),
    ],
    content: textarea.value,
    editorProps: {
      attributes: Object.assign(
        {
          role: "textbox",
          "aria-multiline": "true",
          class: "rich-text-content",
          id: textarea.id + "-editor",
        },
        label ? { "aria-labelledby": label.id || (label.id = textarea.id + "-label") } : {},
        describedBy ? { "aria-describedby": describedBy } : {},
        textarea.getAttribute("aria-invalid") === "true" ? { "aria-invalid": "true" } : {}
      ),
    },
    onUpdate: ({ editor: e }) => {
      textarea.value = e.getHTML();
    },
  });
  if (label) {
    // The label now names the editing area: a click on it goes there.
    label.addEventListener("click", (event) => {
      event.preventDefault();
      editor.commands.focus();
    });
  }

  const made = buttons(t).map((b, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "rich-text-button";
    button.textContent = t[b.key];
    button.dataset.command = b.key;
    button.tabIndex = index === 0 ? 0 : -1;
    if (b.active) {
      button.setAttribute("aria-pressed", "false");
    }
    button.addEventListener("click", () => {
      b.run(editor.chain().focus(), editor).run();
      refresh();
    });
    toolbar.appendChild(button);
    return { spec: b, button: button };
  });

  function refresh() {
    made.forEach((m) => {
      if (m.spec.active) {
        m.button.setAttribute("aria-pressed", m.spec.active(editor) ? "true" : "false");
      }
    });
  }
  editor.on("selectionUpdate", refresh);
  editor.on("transaction", refresh);
  refresh();

  function focusButton(index) {
    const count = made.length;
    const target = ((index % count) + count) % count;
    made.forEach((m, i) => {
      m.button.tabIndex = i === target ? 0 : -1;
    });
    made[target].button.focus();
  }

  toolbar.addEventListener("keydown", (event) => {
    const current = made.findIndex((m) => m.button === document.activeElement);
    if (event.key === "ArrowRight" || event.key === "ArrowDown") {
      focusButton(current + 1);
    } else if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
      focusButton(current - 1);
    } else if (event.key === "Home") {
      focusButton(0);
    } else if (event.key === "End") {
      focusButton(made.length - 1);
    } else if (event.key === "Escape") {
      editor.commands.focus();
    } else {
      return;
    }
    event.preventDefault();
  });

  area.addEventListener("keydown", (event) => {
    if ((event.key === "F10" && event.altKey) || event.key === "Escape") {
      event.preventDefault();
      const active = made.find((m) => m.button.tabIndex === 0) || made[0];
      active.button.focus();
    }
  });

  // Images the page offers (uploaded files) are inserted with their text alternative.
  document.querySelectorAll("[data-insert-image]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => {
      editor
        .chain()
        .focus()
        .setImage({ src: button.dataset.src, alt: button.dataset.alt || "" })
        .run();
      textarea.value = editor.getHTML();
      const status = document.getElementById(textarea.id + "-status");
      if (status) {
        status.textContent = t.inserted;
      }
    });
  });

  const form = textarea.form;
  if (form) {
    form.addEventListener("submit", () => {
      textarea.value = editor.getHTML();
    });
  }
}

document.querySelectorAll("textarea[data-rich-text]").forEach(enhance);
