// Interactive checklists: ticking an item is remembered in this browser (localStorage, one entry
// per checklist and language), a polite live region reads the progress, a button unchecks all and
// offers to undo it, and another prints the page.
// Without JavaScript the page stays a readable list: the build renders the boxes disabled and the
// toolbar hidden, and this module enables them. Text is only ever set with textContent.

const toolbar = document.querySelector(".wg-checklist-toolbar[data-storage-key]");

if (toolbar) {
  const storageKey = toolbar.dataset.storageKey;
  const boxes = Array.from(document.querySelectorAll(".wg-checklist .wg-checklist__box[data-key]"));
  const progress = toolbar.querySelector(".wg-checklist-toolbar__progress");
  const reset = toolbar.querySelector(".wg-checklist-toolbar__reset");
  const printButton = toolbar.querySelector(".wg-checklist-toolbar__print");
  const message = toolbar.querySelector(".wg-checklist-toolbar__message");
  const undo = toolbar.querySelector(".wg-checklist-toolbar__undo-button");
  const plural = new Intl.PluralRules(document.documentElement.lang || "fr");

  // Storage may be unavailable (private browsing, blocked): ticking still works for this visit.
  const readStored = () => {
    try {
      return window.localStorage.getItem(storageKey);
    } catch {
      return null;
    }
  };

  const keysIn = (stored) => {
    try {
      const saved = JSON.parse(stored || "[]");
      return new Set(Array.isArray(saved) ? saved.filter((key) => typeof key === "string") : []);
    } catch {
      return new Set();
    }
  };

  const writeStored = (value) => {
    try {
      if (value === null) {
        window.localStorage.removeItem(storageKey);
      } else {
        window.localStorage.setItem(storageKey, value);
      }
    } catch {
      /* not saved: nothing else to do */
    }
  };

  const saveTicked = () => {
    const ticked = boxes.filter((box) => box.checked).map((box) => box.dataset.key);
    writeStored(ticked.length ? JSON.stringify(ticked) : null);
  };

  const showTicks = (keys) => {
    for (const box of boxes) box.checked = keys.has(box.dataset.key);
  };

  const showProgress = () => {
    const checked = boxes.filter((box) => box.checked).length;
    const template = plural.select(checked) === "one" ? toolbar.dataset.progressOne : toolbar.dataset.progressOther;
    progress.textContent = template.replace("{checked}", String(checked)).replace("{total}", String(boxes.length));
    reset.disabled = checked === 0;
  };

  // What "Clear all ticks" removed: the ticks on the page and the stored entry exactly as it was
  // (it may hold keys of items this version of the page no longer has). Null: nothing to undo.
  let beforeReset = null;

  const forgetUndo = () => {
    beforeReset = null;
    undo.hidden = true;
    message.textContent = "";
  };

  showTicks(keysIn(readStored()));
  for (const box of boxes) {
    box.disabled = false;
    box.addEventListener("change", () => {
      forgetUndo(); // a new tick makes the old state stale: undoing would lose it
      saveTicked();
      showProgress();
    });
  }

  reset.addEventListener("click", () => {
    beforeReset = {
      stored: readStored(),
      ticked: new Set(boxes.filter((box) => box.checked).map((box) => box.dataset.key)),
    };
    showTicks(new Set());
    saveTicked();
    showProgress();
    message.textContent = toolbar.dataset.undoDone;
    undo.hidden = false;
    undo.focus(); // the reset button is now disabled; undoing is the likely next step
  });

  undo.addEventListener("click", () => {
    if (!beforeReset) return;
    const { stored, ticked } = beforeReset;
    showTicks(ticked);
    if (stored !== null) {
      writeStored(stored);
    } else {
      saveTicked();
    }
    showProgress();
    beforeReset = null;
    undo.hidden = true;
    message.textContent = toolbar.dataset.undoRestored;
    reset.focus();
  });

  printButton.addEventListener("click", () => window.print());

  // The same checklist open in another tab saved its ticks: show them here, or this tab's next
  // tick would save over them with its own, older view.
  window.addEventListener("storage", (event) => {
    if (event.key !== storageKey) return;
    forgetUndo();
    showTicks(keysIn(event.newValue));
    showProgress();
  });

  toolbar.hidden = false;
  showProgress();
}
