// Fill-in templates (learning plan, mentoring agreement): what the reader types or ticks is kept in
// this browser (localStorage, one entry per template and language), a button clears it, another prints.
// The build renders a template's check boxes disabled (they do nothing without this script): they are
// enabled here and saved with the fields, as "box:<key>".
// The learning plan's picker inserts an example goal, read from the example list on the page.
// Without JavaScript the fields still take text and print; nothing is saved. Text typed by the
// reader only ever goes into form values and textContent: it is never parsed as HTML.

const toolbar = document.querySelector(".wg-template-toolbar[data-storage-key]");

if (toolbar) {
  const storageKey = toolbar.dataset.storageKey;
  const fields = Array.from(document.querySelectorAll(".md-content .wg-field__input[data-field]"));
  const boxes = Array.from(document.querySelectorAll(".md-content .wg-checklist__box[data-key]"));
  const boxName = (box) => `box:${box.dataset.key}`;
  const status = toolbar.querySelector(".wg-template-toolbar__status");
  const clear = toolbar.querySelector(".wg-template-toolbar__clear");
  const print = toolbar.querySelector(".wg-template-toolbar__print");

  const say = (region, message) => {
    region.textContent = "";
    // A new text node after a tick: screen readers announce a message even if it repeats.
    window.setTimeout(() => {
      region.textContent = message;
    }, 50);
  };

  const readSaved = () => {
    try {
      const saved = JSON.parse(window.localStorage.getItem(storageKey) || "{}");
      return saved && typeof saved === "object" && !Array.isArray(saved) ? saved : {};
    } catch {
      return {};
    }
  };

  let warned = false;
  const save = () => {
    const values = {};
    for (const field of fields) {
      if (field.value) values[field.dataset.field] = field.value;
    }
    for (const box of boxes) {
      if (box.checked) values[boxName(box)] = "yes";
    }
    try {
      if (Object.keys(values).length) {
        window.localStorage.setItem(storageKey, JSON.stringify(values));
      } else {
        window.localStorage.removeItem(storageKey);
      }
    } catch {
      if (!warned) say(status, toolbar.dataset.unsaved); // the text stays on the page meanwhile
      warned = true;
    }
  };

  // A field grows with its text, so nothing is hidden on screen or on paper.
  const fit = (field) => {
    if (field.tagName !== "TEXTAREA") return;
    field.style.height = "auto";
    field.style.height = `${field.scrollHeight + 2}px`;
  };

  let pickerFollows = () => {}; // the picker's row moves to the first empty goal (set below)
  const saved = readSaved();
  let restored = false;
  for (const field of fields) {
    const value = saved[field.dataset.field];
    if (typeof value === "string" && value) {
      field.value = value;
      restored = true;
    }
    field.addEventListener("input", () => {
      fit(field);
      save();
    });
  }
  for (const box of boxes) {
    if (saved[boxName(box)] === "yes") {
      box.checked = true;
      restored = true;
    }
    box.disabled = false;
    box.addEventListener("change", save);
  }
  // Heights are measured once the page is laid out.
  window.requestAnimationFrame(() => fields.forEach(fit));
  if (restored) say(status, toolbar.dataset.restored);

  clear.addEventListener("click", () => {
    if (!window.confirm(toolbar.dataset.confirmClear)) return;
    for (const field of fields) {
      field.value = "";
      fit(field);
    }
    for (const box of boxes) box.checked = false;
    save();
    pickerFollows();
    say(status, toolbar.dataset.cleared);
    fields[0]?.focus();
  });

  print.addEventListener("click", () => window.print());
  window.addEventListener("beforeprint", () => fields.forEach(fit));

  // The same template open in another tab saved its text: show it here, or this tab's next
  // keystroke would save over it with its own, older copy of every field.
  window.addEventListener("storage", (event) => {
    if (event.key !== storageKey) return;
    const values = readSaved();
    for (const field of fields) {
      const value = typeof values[field.dataset.field] === "string" ? values[field.dataset.field] : "";
      if (field.value !== value) {
        field.value = value;
        fit(field);
      }
    }
    for (const box of boxes) box.checked = values[boxName(box)] === "yes";
    pickerFollows();
  });

  toolbar.hidden = false;
  pickerFollows = setUpPicker(save, fit, say) || pickerFollows;
}

function setUpPicker(save, fit, say) {
  const picker = document.querySelector(".wg-example-picker");
  const library = Array.from(document.querySelectorAll(".wg-example-library [data-example-field]"));
  const rows = Array.from(document.querySelectorAll("textarea[data-goal-row]"));
  if (!picker || !library.length || !rows.length) return;

  const controls = picker.querySelector(".wg-example-picker__controls");
  const fieldSelect = picker.querySelector(".wg-example-picker__field");
  const exampleSelect = picker.querySelector(".wg-example-picker__example");
  const rowSelect = picker.querySelector(".wg-example-picker__row");
  const insert = picker.querySelector(".wg-example-picker__insert");
  const status = picker.querySelector(".wg-example-picker__status");

  const goalsOf = (field) => Array.from(field.querySelectorAll("li"), (item) => item.textContent.trim());

  // new Option(text, value) sets plain text: the examples are never read as HTML.
  for (const field of library) {
    fieldSelect.add(new Option(field.querySelector("summary").textContent.trim(), field.dataset.exampleField));
  }
  const showExamples = () => {
    exampleSelect.replaceChildren();
    const field = library.find((candidate) => candidate.dataset.exampleField === fieldSelect.value) || library[0];
    goalsOf(field).forEach((goal, index) => exampleSelect.add(new Option(goal, String(index))));
  };
  for (const row of rows) {
    rowSelect.add(new Option(row.dataset.goalLabel, row.dataset.goalRow));
  }
  // The row to insert into: the first empty goal, at the start, after an insert and after "Clear everything".
  const pointAtFirstEmpty = () => {
    const next = rows.find((row) => !row.value.trim());
    if (next) rowSelect.value = next.dataset.goalRow;
  };
  pointAtFirstEmpty();

  fieldSelect.addEventListener("change", showExamples);
  showExamples();

  insert.addEventListener("click", () => {
    const target = rows.find((row) => row.dataset.goalRow === rowSelect.value);
    const example = exampleSelect.selectedOptions[0]?.text;
    if (!target || !example) return;
    const label = target.dataset.goalLabel;
    // What the reader already wrote stays: the example goes after it.
    const kept = target.value.trim();
    target.value = kept ? `${kept}\n${example}` : example;
    fit(target);
    save();
    const template = kept ? controls.dataset.appended : controls.dataset.inserted;
    say(status, template.replace("{row}", label));
    pointAtFirstEmpty();
    target.focus();
  });

  picker.hidden = false;
  return pointAtFirstEmpty;
}
