// The planner page: reads the form, shows the schedule, exports it. Everything stays in the
// browser: the plan lives in the form, the URL fragment and localStorage, never on a server.
// Text the reader typed is only ever set with textContent, never parsed as HTML.

import { DAY, buildPlan, byPhase, fill, meetingLinks, withLine } from "./schedule.js";
import { buildCalendar } from "./ics.js";

const STORAGE_KEY = "wilguide.planner.v1";
const FIELDS = ["start", "end", "weeks", "format", "cadence", "preference", "weekday", "time", "duration",
  "student", "mentor", "place", "midterm", "final", "followup"];
const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children.filter((c) => c != null && c !== ""));
  return node;
}

function start() {
  const data = JSON.parse($("planner-data").textContent);
  const s = data.strings;
  const form = $("planner-form");
  const status = $("planner-status");
  const errorBox = $("planner-errors");
  const result = $("planner-result");
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const dateText = new Intl.DateTimeFormat(data.locale, { timeZone: "UTC", weekday: "long", year: "numeric", month: "long", day: "numeric" });
  const timeText = new Intl.DateTimeFormat(data.locale, { timeZone: "UTC", hour: "numeric", minute: "2-digit" });
  let plan = null;

  form.hidden = false;
  $("planner-time-hint").textContent = fill(s.time_zone, { zone: timeZone });

  const read = () => {
    const state = {};
    for (const name of FIELDS) {
      const field = form.elements[name];
      if (name === "followup") state[name] = field.checked ? "yes" : "no";
      else state[name] = field.value;
    }
    if (form.elements.time.validity.badInput) state.time = "?";
    return state;
  };
  const write = (state) => {
    for (const name of FIELDS) {
      if (!(name in state)) continue;
      const field = form.elements[name];
      if (name === "followup") field.checked = state[name] !== "no";
      else field.value = state[name];
    }
  };
  const save = () => { try { localStorage.setItem(STORAGE_KEY, JSON.stringify(read())); } catch { /* storage off */ } };
  const say = (text) => { status.textContent = ""; setTimeout(() => { status.textContent = text; }, 50); };

  function showErrors(errors) {
    for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
    for (const p of form.querySelectorAll(".planner-error")) { p.hidden = true; p.textContent = ""; }
    errorBox.replaceChildren();
    errorBox.hidden = !errors.length;
    if (!errors.length) return;
    const list = el("ul");
    for (const error of errors) {
      const id = `planner-${error.field}`;
      const message = fill(s[error.key], error.params);
      $(id).setAttribute("aria-invalid", "true");
      Object.assign($(`${id}-error`), { hidden: false, textContent: message });
      const link = el("a", { href: `#${id}` }, message);
      link.addEventListener("click", (event) => { event.preventDefault(); $(id).focus(); });
      list.append(el("li", {}, link));
    }
    errorBox.append(el("p", {}, s.errors_title), list);
    errorBox.focus();
  }

  function render(state) {
    const [student, mentor, place] = [state.student, state.mentor, state.place].map((t) => t.trim());
    const timeline = [];
    for (const group of byPhase(plan.meetings, data)) {
      const items = group.meetings.map((m) => {
        const kind = data.meetings[m.kind];
        const who = withLine(kind, s, student, mentor);
        return el("li", { className: "planner-meeting" },
          el("p", { className: "planner-when" }, el("strong", {}, dateText.format(m.day * DAY)),
            ` · ${timeText.format(m.time * 60000)} · ${fill(s.minutes, { n: m.length })}`),
          el("p", { className: "planner-kind" }, kind.name),
          kind.withStudent ? null : el("p", {}, s.supervisor_only),
          who && el("p", {}, who),
          place && el("p", {}, fill(s.where, { place })),
          el("p", { className: "planner-agenda" }, s.agenda),
          el("ul", {}, ...m.prompts.map((p) => el("li", {}, p))),
          el("ul", { className: "planner-links" }, ...meetingLinks(kind, s).map(([text, href]) => el("li", {}, el("a", { href }, text)))));
      });
      timeline.push(el("section", { className: "planner-phase" }, el("h4", {}, group.name), el("ol", {}, ...items)));
    }
    $("planner-timeline").replaceChildren(...timeline);
    const day = (m) => dateText.format(m.day * DAY);
    const summary = fill(s.summary, { count: plan.meetings.length, first: day(plan.meetings[0]), last: day(plan.meetings.at(-1)) });
    $("planner-summary").textContent = summary;
    result.hidden = false;
    return summary;
  }

  function update({ quiet = false, announce = "" } = {}) {
    const state = read();
    const built = buildPlan(state, data);
    $("planner-download").disabled = Boolean(built.errors.length);
    if (built.errors.length) {
      plan = null;
      result.hidden = true;
      if (!quiet) showErrors(built.errors);
      return false;
    }
    plan = built;
    showErrors([]);
    const params = new URLSearchParams(state).toString();
    history.replaceState(null, "", `#plan&${params}`);
    $("planner-share").value = location.href;
    say([announce, render(state)].filter(Boolean).join(" "));
    return true;
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); save(); update(); });
  form.addEventListener("input", save);
  form.addEventListener("change", save);

  $("planner-download").addEventListener("click", () => {
    if (!plan) return;
    const state = read();
    const text = buildCalendar(plan, data, {
      timeZone, now: Date.now(), resolve: (href) => new URL(href, location.href).href,
      student: state.student, mentor: state.mentor, place: state.place,
    });
    const url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    const link = el("a", { href: url, download: `${s.file_name}-${state.start.trim()}.ics` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  $("planner-print").addEventListener("click", () => window.print());
  $("planner-copy").addEventListener("click", () => {
    const share = $("planner-share");
    const fallback = () => { share.focus(); share.select(); say(s.link_select); };
    if (navigator.clipboard) navigator.clipboard.writeText(share.value).then(() => say(s.link_copied), fallback);
    else fallback();
  });
  $("planner-forget").addEventListener("click", () => {
    try { localStorage.removeItem(STORAGE_KEY); } catch { /* storage off */ }
    form.reset();
    showErrors([]);
    plan = null;
    result.hidden = true;
    history.replaceState(null, "", location.pathname + location.search);
    say(s.forgotten);
    form.elements.start.focus();
  });

  // Restore: a shared link first, else the plan last used in this browser.
  if (location.hash.startsWith("#plan&")) {
    write(Object.fromEntries(new URLSearchParams(location.hash.slice(6))));
    save();
    update({ quiet: true, announce: s.restored_link });
  } else {
    let saved = null;
    try { saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null"); } catch { /* none */ }
    if (saved && typeof saved === "object") {
      write(saved);
      update({ quiet: true, announce: s.restored_saved });
    }
  }
}

start();
