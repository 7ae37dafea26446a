// The planner page. The plan stays in the browser (form, URL fragment, localStorage); what the
// reader typed is only ever set as textContent, never parsed as HTML.

import { DAY, buildPlan, byPhase, fill, fillParts, flagOf, holidayNote, holidaysIn, isolate, isoDate, meetingLinks, offsetMinutes, rhythmLine, withLine, yearsWithoutHolidays } from "./schedule.js";

const STORAGE_KEY = "wilguide.planner.v1"; // the form as typed
const LINK_KEY = STORAGE_KEY + ".link"; // the link made here: reloaded, it keeps later edits
const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children.filter(Boolean));
  return node;
}

function start() {
  const data = JSON.parse($("planner-data").textContent);
  const s = data.strings;
  const [form, status, errorBox, result, stale] = ["form", "status", "errors", "result", "stale"].map((id) => $(`planner-${id}`));
  const device = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const format = (style, timeZone = "UTC") => new Intl.DateTimeFormat(data.locale, { timeZone, ...style });
  const dateText = format({ dateStyle: "full" });
  const clock = { hour: "numeric", minute: "2-digit" }; // timeStyle gives "09 h 05"
  const timeText = format(clock);
  const hereText = format({ day: "numeric", month: "long", year: "numeric", ...clock }, device);
  const firstOfMonth = (text) => text.replace(/(^| )1(?= \D)/, `$1${s.first_of_month}`);
  const dayText = (day) => firstOfMonth(dateText.format(day * DAY));
  let plan = null;
  // The calendar file's code comes once a plan is made, not with the page; a failed fetch is tried again.
  let calendar = null;
  const loadCalendar = () => (calendar ??= import("./ics.js").catch((problem) => { calendar = null; throw problem; }));
  // The public holidays: a file of their own, fetched once a plan first has a province.
  let holidays = null, loading = null, holidaysFailed = false;
  const loadHolidays = () => (loading ??= fetch(new URL(data.holidaysFile, location.href))
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then((found) => { holidays = found; }, (problem) => { loading = null; throw problem; }));

  // The plan's zone (in the link): the device's unless chosen.
  const zones = form.elements.zone, named = [...zones.options];
  const zoneName = (z) => named.find((o) => o.value == z)?.text ?? z;
  for (const z of new Set([...Intl.supportedValuesOf("timeZone"), device].sort())) zoneName(z) == z && zones.append(new Option(z));
  for (const o of zones) o.defaultSelected = o.value == device;
  form.hidden = false;
  const on = (id, act) => $(id).addEventListener("click", act);
  // The notes on meetings name the chosen list as the form does, or by its shorter name if it has one.
  const provinceName = (key) => {
    const option = [...form.elements.province.options].find((o) => o.value === key);
    return option?.dataset.noteName ?? option?.text;
  };

  const read = () => {
    const state = Object.fromEntries(new FormData(form));
    for (const box of ["followup", "avoid"]) state[box] = form.elements[box].checked ? "yes" : "no";
    if (form.elements.time.validity.badInput) state.time = "?";
    return state;
  };
  // Fill the form, returning what no field could hold.
  const write = (state) => {
    const rejected = {}, ignored = [];
    form.reset();
    form.elements.plan.value = ""; // reset() leaves hidden fields
    for (const [name, value] of Object.entries(state)) {
      const field = form.elements.namedItem(name), before = field?.value;
      if (name === "followup" || name === "avoid") field.checked = value !== "no";
      else if (!field) continue;
      else if ((field.value = value), field.value !== value) {
        field.value = name === "time" ? "" : before; // not 10:00 beside "25:00" is wrong
        rejected[name] = value;
        // Its label, or its group's legend.
        if (name !== "time") ignored.push(($(`planner-${name}`)?.labels[0] || form.querySelector(`[name=${name}]`).closest("fieldset").firstChild).textContent);
      }
    }
    return { rejected, ignored };
  };
  const stored = (key) => { try { return localStorage.getItem(key); } catch { /* off: nothing stored */ } };
  const store = (key, value) => { try { value == null ? localStorage.removeItem(key) : localStorage.setItem(key, value); } catch { /* off */ } };
  const save = () => store(STORAGE_KEY, JSON.stringify(read()));
  const savedForm = () => { try { const v = JSON.parse(stored(STORAGE_KEY)); return typeof v == "object" && v; } catch { /* none */ } };
  const say = (text) => { status.textContent = ""; setTimeout(() => { status.textContent = text; }, 50); };

  function showErrors(errors) {
    for (const field of form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
    for (const p of form.querySelectorAll(".planner-error")) Object.assign(p, { hidden: true, textContent: "" });
    errorBox.replaceChildren();
    errorBox.hidden = !errors.length;
    if (!errors.length) return;
    const list = el("ul");
    for (const error of errors) {
      const id = `planner-${error.field}`;
      const message = fill(s[error.key], error.params);
      $(id).setAttribute("aria-invalid", "true");
      Object.assign($(`${id}-error`), { hidden: false, textContent: message });
      list.append(el("li", {}, el("a", { href: `#${id}`, onclick: (event) => { event.preventDefault(); $(id).focus(); } },
        fill(s.error_item, { field: $(id).labels[0].textContent, message }))));
    }
    // The alert is inside the focused box, not the box itself: focus and alert would read it twice.
    errorBox.append(el("div", { role: "alert" }, el("p", {}, s.errors_title), list));
    errorBox.focus();
  }

  function when(m, zone) {
    const local = m.day * DAY + m.time * 60000;
    const instant = local - offsetMinutes(zone, local - offsetMinutes(zone, local) * 60000) * 60000;
    const here = offsetMinutes(zone, instant) !== offsetMinutes(device, instant);
    // No template literal inside another: the minifier drops the space that starts the inner one.
    return [`${timeText.format(local)}${here ? " (" + zoneName(zone) + ")" : ""} · ${fill(s.minutes, { n: m.length })}`,
      here && el("p", {}, fill(s.other_zone, { time: firstOfMonth(hereText.format(instant)), zone: zoneName(device) }))];
  }

  function render(state) {
    const [student, mentor, place] = [state.student, state.mentor, state.place].map((t) => t.trim());
    const today = Math.floor((Date.now() / 60000 - new Date().getTimezoneOffset()) / 1440);
    const phases = byPhase(plan.meetings, data);
    const { province } = plan.values, names = { province: provinceName(province), date: dayText };
    const onHoliday = holidaysIn(holidays, province);

    // A date past is said first; a public holiday is named rather than "over the year-end holidays".
    const flagText = (m) => {
      const flag = flagOf(m.day, today), holiday = holidayNote(m, plan, onHoliday, s, names);
      return flag !== "flag_past" && holiday ? holiday : s[flag];
    };
    const timeline = phases.map((group) => el("section", { className: "planner-phase" },
      el("h4", {}, group.name), el("ol", {}, ...group.meetings.map((m) => {
        const kind = data.meetings[m.kind];
        const [time, here] = when(m, state.zone);
        const flag = flagText(m), who = withLine(kind, s, student, mentor);
        return el("li", { className: "planner-meeting" },
          el("p", { role: "heading", ariaLevel: 5 }, el("strong", { className: "planner-nowrap" }, dayText(m.day)), ` · ${time}`),
          here,
          el("p", { className: "planner-kind" }, kind.name),
          m.day < plan.values.start && el("p", {}, s.before_start),
          flag && el("p", { className: "planner-flag" }, flag),
          !kind.withStudent && el("p", {}, s.supervisor_only),
          who && el("p", {}, who),
          place && el("p", { className: /\s/.test(place) ? "" : "planner-address" }, fill(s.where, { place: isolate(place) })),
          el("p", { className: "planner-agenda" }, s.agenda),
          el("ul", {}, ...m.prompts.map((p) => el("li", {}, p))),
          el("ul", { className: "planner-links" }, ...meetingLinks(kind, s).map(([text, href]) => el("li", {}, el("a", { href }, text)))));
      }))));
    $("planner-timeline").replaceChildren(...timeline);
    const total = { name: s.hours_total, minutes: phases.reduce((sum, g) => sum + g.minutes, 0) };
    $("planner-hours").replaceChildren(...[...phases, total].map((g) =>
      el("tr", {}, el("th", { scope: "row" }, g.name), el("td", {}, fill(s.hours, { n: (g.minutes / 60).toLocaleString(data.locale, { maximumFractionDigits: 2 }) })))));
    $("planner-rhythm").textContent = rhythmLine(plan, s);
    // Each date stays on one line, as in the timeline ("mardi 8 septembre" / "2026" reads badly).
    const date = (m) => el("span", { className: "planner-nowrap" }, dayText(m.day));
    $("planner-summary").replaceChildren(...fillParts(s.summary, { count: plan.meetings.length, first: date(plan.meetings[0]), last: date(plan.meetings.at(-1)) }));
    const unknown = province && holidays ? yearsWithoutHolidays(plan.meetings, holidays) : [];
    const note = province && holidaysFailed ? s.holidays_failed : unknown.length ? fill(s.holidays_unknown, { years: unknown.join(s.and) }) : "";
    Object.assign($("planner-holiday-note"), { hidden: !note, textContent: note });
    stale.hidden = true;
    result.hidden = false;
  }

  // raw: a link's values no field could hold (25:00), checked as they are.
  function update({ quiet, announce, raw, focus } = {}) {
    const id = form.elements.plan; // goes into UIDs as it is: letters and digits only
    if (!/^\w{4,20}$/.test(id.value)) id.value = Math.random().toString(36).slice(2, 10);
    const state = read(), input = { ...state, ...raw };
    const built = buildPlan(input, data, holidays);
    $("planner-download").disabled = built.errors.length; // a count: the property keeps it as true or false
    if (built.errors.length) {
      plan = null;
      result.hidden = true;
      quiet || showErrors(built.errors);
      return false;
    }
    plan = { ...built, state, input };
    showErrors([]);
    history.replaceState(null, "", `#plan&${new URLSearchParams(state)}`);
    store(LINK_KEY, location.hash);
    $("planner-share").value = location.href;
    // The other language gets the plan too, without storage (private windows).
    for (const link of document.querySelectorAll("a[hreflang]")) link.hash = location.hash;
    render(state);
    loadCalendar().catch(() => {}); // ready before the reader asks for the file; said then if it failed
    if (plan.values.province && !holidays) {
      // Made again with the holidays once they arrive (or drawn with a note saying they could not).
      const redraw = (failed) => {
        holidaysFailed = failed;
        if (!plan) return;
        failed && say(s.holidays_failed); // the note appears after the plan: screen readers hear it too
        const again = failed ? plan : buildPlan(plan.input, data, holidays);
        if (!again.errors.length) plan = { ...again, state: plan.state, input: plan.input }; // else keep the plan shown
        const stalePlan = !stale.hidden, inside = result.contains(document.activeElement);
        render(plan.state);
        stale.hidden = !stalePlan;
        inside && $("planner-result-title").focus(); // its meeting was just redrawn: back to the schedule's top
      };
      loadHolidays().then(() => redraw(false), () => redraw(true));
    }
    if (focus) { status.textContent = ""; $("planner-result-title").focus(); }
    announce && say(announce);
    return true;
  }

  function openLink() {
    if (!location.hash.startsWith("#plan&")) return false;
    if (location.hash.length > 8000) return say(s.link_too_long) || true; // a plan's link is under 4 kB
    // This browser's link, reloaded: its schedule, and the form as typed. A link from elsewhere is
    // kept only if this browser has no plan of its own: opening a colleague's does not replace it.
    const own = stored(LINK_KEY), saved = savedForm(), draft = location.hash === own && saved, mine = !draft && saved;
    const { rejected, ignored } = write(Object.fromEntries(new URLSearchParams(location.hash.slice(6))));
    const ok = update({ raw: rejected });
    if (draft) {
      // A form saved before its plan had an id takes the link's: the calendar's events keep theirs.
      write({ ...draft, plan: draft.plan || read().plan });
      save();
      stale.hidden = !plan || JSON.stringify(read()) === JSON.stringify(plan.state);
    } else if (mine) store(LINK_KEY, own);
    else save();
    say([ok && (draft ? s.restored_saved : s.restored_link), ignored.length && fill(s.link_ignored, { fields: ignored.join(", ") })].filter(Boolean).join(" "));
    return true;
  }

  form.addEventListener("submit", (event) => { event.preventDefault(); update({ focus: true }); save(); });
  // Said once, when the schedule shown stops matching the form: a screen reader would not see it appear.
  const showStale = () => { if (plan && stale.hidden) { stale.hidden = false; say(stale.firstChild.textContent); } };
  for (const type of ["input", "change"]) form.addEventListener(type, () => { save(); showStale(); });
  on("planner-update", () => { update({ focus: true }); save(); });
  addEventListener("hashchange", openLink);

  // The download is the plan on screen, even if the form has changed since.
  on("planner-download", async () => {
    const shown = plan;
    if (!shown) return;
    const { state } = shown;
    const { buildCalendar } = await loadCalendar().catch(() => ({}));
    if (!buildCalendar) return say(s.download_failed);
    const text = buildCalendar(shown, data, {
      ...state, timeZone: state.zone, planId: state.plan, now: Date.now(), resolve: (href) => new URL(href, location.href).href,
      holidays, names: { province: provinceName(shown.values.province), date: dayText },
    });
    const url = URL.createObjectURL(new Blob([text], { type: "text/calendar;charset=utf-8" }));
    el("a", { href: url, download: `${s.file_name}-${isoDate(shown.values.start)}.ics` }).click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  on("planner-print", () => print());
  on("planner-copy", () => {
    const share = $("planner-share");
    const fallback = () => { share.focus(); share.select(); say(s.link_select); };
    navigator.clipboard?.writeText(share.value).then(() => say(s.link_copied), fallback) ?? fallback();
  });
  on("planner-forget", () => {
    if (!confirm(s.forget_confirm)) return;
    store(STORAGE_KEY);
    store(LINK_KEY);
    write({});
    showErrors([]);
    plan = null;
    result.hidden = true;
    history.replaceState(null, "", location.pathname + location.search);
    for (const link of document.querySelectorAll("a[hreflang]")) link.hash = "";
    say(s.forgotten);
    form.elements.start.focus();
  });

  if (!openLink()) {
    const saved = savedForm();
    if (saved) {
      // A form saved without its plan's id (before this was fixed) takes it from the link made here.
      const linked = new URLSearchParams((stored(LINK_KEY) || "").replace(/^#plan&/, "")).get("plan");
      write({ ...saved, plan: saved.plan || linked || "" });
      update({ quiet: true, announce: s.restored_saved });
      save();
    }
  }
}

start();
