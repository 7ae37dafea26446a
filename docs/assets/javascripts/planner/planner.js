// The planner page: reads the form, shows the schedule, exports it. Everything stays in the
// browser: the plan lives in the form, the URL fragment and localStorage, never on a server.
// Text the reader typed is only ever set with textContent, never parsed as HTML.

import { DAY, buildPlan, byPhase, fill, flagOf, isolate, isoDate, meetingLinks, minutesByPhase, rhythmLine, withLine } from "./schedule.js";
import { buildCalendar, offsetMinutes } from "./ics.js";

const STORAGE_KEY = "wilguide.planner.v1";
const FIELDS = ["start", "end", "weeks", "format", "cadence", "preference", "weekday", "time", "zone", "duration",
  "student", "mentor", "place", "midterm", "final", "followup", "plan"];
const LINK_MAX = 8000; // a real plan's link is under 4 kB: anything far longer is refused unread
const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children.filter(Boolean)); // leaves out false, null and ""
  return node;
}

function start() {
  const data = JSON.parse($("planner-data").textContent);
  const s = data.strings;
  const form = $("planner-form");
  const status = $("planner-status");
  const errorBox = $("planner-errors");
  const result = $("planner-result");
  const stale = $("planner-stale");
  const device = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const format = (options, zone = "UTC") => new Intl.DateTimeFormat(data.locale, { timeZone: zone, ...options });
  const dateText = format({ weekday: "long", year: "numeric", month: "long", day: "numeric" });
  const timeText = format({ hour: "numeric", minute: "2-digit" });
  const hereText = format({ weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" }, device);
  const hours = new Intl.NumberFormat(data.locale, { maximumFractionDigits: 2 });
  let plan = null;

  // The plan's time zone: the device's by default, changeable, carried by the share link.
  const zones = new Set([...(Intl.supportedValuesOf?.("timeZone") ?? []), device]);
  form.elements.zone.append(...[...zones].sort().map((z) => new Option(z, z, z === device, z === device)));
  form.hidden = false;

  const read = () => {
    const state = {};
    for (const name of FIELDS) {
      const field = form.elements[name];
      state[name] = name === "followup" ? (field.checked ? "yes" : "no") : field.value;
    }
    if (form.elements.time.validity.badInput) state.time = "?";
    return state;
  };
  // Fill the form; a value a field cannot hold is reported: {rejected: {name: value}, ignored: [label]}.
  const write = (state) => {
    const rejected = {}, ignored = [];
    form.reset();
    form.elements.plan.value = ""; // a hidden field keeps its value through a reset
    for (const name of FIELDS) {
      if (!(name in state)) continue;
      const field = form.elements[name], before = field.value, value = state[name];
      if (name === "followup") field.checked = value !== "no";
      else if ((field.value = value), field.value !== value) {
        field.value = before;
        rejected[name] = value;
        const label = form.querySelector(`[for=planner-${name}]`) || form.querySelector(`[name=${name}]`).closest("fieldset").firstChild;
        if (!/^(time|weeks)$/.test(name)) ignored.push(label.textContent);
      }
    }
    return { rejected, ignored };
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

  // A meeting's time on the plan's clock, and on the reader's where the two differ.
  function when(m, zone) {
    const local = m.day * DAY + m.time * 60000;
    const instant = local - offsetMinutes(zone, local - offsetMinutes(zone, local) * 60000) * 60000;
    const here = offsetMinutes(zone, instant) !== offsetMinutes(device, instant);
    return [`${timeText.format(local)}${here ? ` (${zone})` : ""} · ${fill(s.minutes, { n: m.length })}`,
      here && el("p", {}, fill(s.other_zone, { time: hereText.format(instant), zone: device }))];
  }

  function render(state) {
    const [student, mentor, place] = [state.student, state.mentor, state.place].map((t) => t.trim());
    const now = new Date();
    const today = Math.floor((now - now.getTimezoneOffset() * 60000) / DAY);
    const timeline = byPhase(plan.meetings, data).map((group) => el("section", { className: "planner-phase" },
      el("h4", {}, group.name), el("ol", {}, ...group.meetings.map((m) => {
        const kind = data.meetings[m.kind];
        const [time, here] = when(m, state.zone);
        const flag = flagOf(m.day, today), who = withLine(kind, s, student, mentor);
        return el("li", { className: "planner-meeting" },
          el("p", { className: "planner-when" }, el("strong", {}, dateText.format(m.day * DAY)), ` · ${time}`),
          here,
          el("p", { className: "planner-kind" }, kind.name),
          m.day < plan.values.start && el("p", {}, s.before_start),
          flag && el("p", { className: "planner-flag" }, s[flag]),
          kind.withStudent ? null : el("p", {}, s.supervisor_only),
          who && el("p", {}, who),
          place && el("p", {}, fill(s.where, { place: isolate(place) })),
          el("p", { className: "planner-agenda" }, s.agenda),
          el("ul", {}, ...m.prompts.map((p) => el("li", {}, p))),
          el("ul", { className: "planner-links" }, ...meetingLinks(kind, s).map(([text, href]) => el("li", {}, el("a", { href }, text)))));
      }))));
    $("planner-timeline").replaceChildren(...timeline);
    const phases = minutesByPhase(plan.meetings, data);
    const total = { name: s.hours_total, minutes: phases.reduce((sum, g) => sum + g.minutes, 0) };
    $("planner-hours").replaceChildren(...[...phases, total].map((g) =>
      el("tr", {}, el("th", { scope: "row" }, g.name), el("td", {}, fill(s.hours, { n: hours.format(g.minutes / 60) })))));
    const day = (m) => dateText.format(m.day * DAY);
    $("planner-rhythm").textContent = rhythmLine(plan, s);
    $("planner-summary").textContent = fill(s.summary, { count: plan.meetings.length, first: day(plan.meetings[0]), last: day(plan.meetings.at(-1)) });
    stale.hidden = true;
    result.hidden = false;
  }

  // raw: a link's values that no field could hold (25:00), checked as typed so the error shows.
  function update({ quiet = false, announce = "", raw = {}, focus = false } = {}) {
    if (!form.elements.plan.value) form.elements.plan.value = Math.random().toString(36).slice(2, 10);
    const state = read();
    const built = buildPlan({ ...state, ...raw }, data);
    $("planner-download").disabled = Boolean(built.errors.length);
    if (built.errors.length) {
      plan = null;
      result.hidden = true;
      if (!quiet) showErrors(built.errors);
      return false;
    }
    plan = { ...built, state };
    showErrors([]);
    history.replaceState(null, "", `#plan&${new URLSearchParams(state)}`);
    $("planner-share").value = location.href;
    // The other language's page gets the plan too (no storage needed, as in a private window).
    for (const link of document.querySelectorAll("a[hreflang]")) link.hash = location.hash;
    render(state);
    if (focus) { status.textContent = ""; $("planner-result-title").focus(); }
    if (announce) say(announce);
    return true;
  }

  // A shared link: read like a press on Create, saying what it held that the form cannot take.
  function openLink() {
    if (!location.hash.startsWith("#plan&")) return false;
    if (location.hash.length > LINK_MAX) return say(s.link_too_long) || true;
    const { rejected, ignored } = write(Object.fromEntries(new URLSearchParams(location.hash.slice(6))));
    save();
    const ok = update({ raw: rejected });
    say([ok && s.restored_link, ignored.length && fill(s.link_ignored, { fields: ignored.join(", ") })].filter(Boolean).join(" "));
    return true;
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); save(); update({ focus: true }); });
  for (const type of ["input", "change"]) form.addEventListener(type, () => { save(); if (plan) stale.hidden = false; });
  $("planner-update").addEventListener("click", () => { save(); update({ focus: true }); });
  addEventListener("hashchange", openLink);

  // The download is the plan on screen, even when the form has changed since (names, zone, file name).
  $("planner-download").addEventListener("click", () => {
    if (!plan) return;
    const { state } = plan;
    const text = buildCalendar(plan, data, {
      timeZone: state.zone, now: Date.now(), resolve: (href) => new URL(href, location.href).href,
      planId: state.plan, student: state.student, mentor: state.mentor, place: state.place,
    });
    const url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    const link = el("a", { href: url, download: `${s.file_name}-${isoDate(plan.values.start)}.ics` });
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
    form.elements.plan.value = "";
    showErrors([]);
    plan = null;
    result.hidden = true;
    history.replaceState(null, "", location.pathname + location.search);
    say(s.forgotten);
    form.elements.start.focus();
  });

  // Restore: a shared link first, else the plan last used in this browser.
  if (!openLink()) {
    let saved = null;
    try { saved = JSON.parse(localStorage.getItem(STORAGE_KEY) || "null"); } catch { /* none */ }
    if (saved && typeof saved === "object") {
      write(saved);
      update({ quiet: true, announce: s.restored_saved });
    }
  }
}

start();
