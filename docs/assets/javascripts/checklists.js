// Interactive checklists: ticking an item is remembered in this browser (localStorage, one entry
// per checklist and language), a polite live region reads the progress, and a button unchecks all.
// Without JavaScript the page stays a readable list: the build renders the boxes disabled and the
// toolbar hidden, and this module enables them. Text is only ever set with textContent.

const toolbar = document.querySelector(".wg-checklist-toolbar[data-storage-key]");

if (toolbar) {
  const storageKey = toolbar.dataset.storageKey;
  const boxes = Array.from(document.querySelectorAll(".wg-checklist .wg-checklist__box[data-key]"));
  const progress = toolbar.querySelector(".wg-checklist-toolbar__progress");
  const reset = toolbar.querySelector(".wg-checklist-toolbar__reset");
  const plural = new Intl.PluralRules(document.documentElement.lang || "fr");

  // Storage may be unavailable (private browsing, blocked): ticking still works for this visit.
  const readTicked = () => {
    try {
      const saved = JSON.parse(window.localStorage.getItem(storageKey) || "[]");
      return new Set(Array.isArray(saved) ? saved.filter((key) => typeof key === "string") : []);
    } catch {
      return new Set();
    }
  };

  const saveTicked = () => {
    const ticked = boxes.filter((box) => box.checked).map((box) => box.dataset.key);
    try {
      if (ticked.length) {
        window.localStorage.setItem(storageKey, JSON.stringify(ticked));
      } else {
        window.localStorage.removeItem(storageKey);
      }
    } catch {
      /* not saved: nothing else to do */
    }
  };

  const showProgress = () => {
    const checked = boxes.filter((box) => box.checked).length;
    const template = plural.select(checked) === "one" ? toolbar.dataset.progressOne : toolbar.dataset.progressOther;
    progress.textContent = template.replace("{checked}", String(checked)).replace("{total}", String(boxes.length));
    reset.disabled = checked === 0;
  };

  const ticked = readTicked();
  for (const box of boxes) {
    box.checked = ticked.has(box.dataset.key);
    box.disabled = false;
    box.addEventListener("change", () => {
      saveTicked();
      showProgress();
    });
  }

  reset.addEventListener("click", () => {
    for (const box of boxes) box.checked = false;
    saveTicked();
    showProgress();
    boxes[0]?.focus();
  });

  toolbar.hidden = false;
  showProgress();
}
