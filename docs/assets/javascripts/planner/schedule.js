// Check-in schedule, pure (page and node tests). Dates are days since 1970-01-01 (no zone).

export const DAY = 86400000;

// Year first (2026-09-08, 2026/9/8, 20260908: some keypads lack "-"); 08/09 would be a guess.
const DATE_FORM = /^\s*(\d{4})(?:([-/. ])(\d\d?)\2(\d\d?)|(\d\d)(\d\d))\s*$/;
export function parseDate(text) {
  const m = DATE_FORM.exec(text);
  if (!m) return null;
  const [y, mo, d] = [m[1], m[3] || m[5], m[4] || m[6]];
  const day = Date.UTC(y, mo - 1, d) / DAY;
  return new Date(day * DAY).getUTCMonth() == mo - 1 ? day : null; // 02-30 rolls over to March
}
// A zone's offset from UTC at an instant (the page's times and the calendar file's zone).
const formatters = {};
export function offsetMinutes(timeZone, ms) { // minutes east of UTC
  const f = (formatters[timeZone] ||= new Intl.DateTimeFormat("en", { timeZone, timeZoneName: "longOffset" }));
  const [, sign, h, m] = /([+-])(\d\d):(\d\d)/.exec(f.format(ms)) || [0, "+", 0, 0]; // "GMT-04:00", or "GMT"
  return (sign === "-" ? -1 : 1) * (h * 60 + +m);
}

export const isoDate = (day) => new Date(day * DAY).toISOString().slice(0, 10);
export const weekday = (day) => ((day + 3) % 7) + 1; // 1 = Monday … 7 = Sunday
const workday = (day) => weekday(day) <= 5;
const onOrAfter = (day, wd) => day + ((wd - weekday(day) + 7) % 7);
const onOrBefore = (day, wd) => day - ((weekday(day) - wd + 7) % 7);
// A template's pieces, each {name} replaced by its value as it is (a string, or a node on the page).
export const fillParts = (template, values) => template.split(/(\{\w+\})/).filter(Boolean).map((part) => {
  const name = /^\{(\w+)\}$/.exec(part)?.[1];
  return name && name in values ? values[name] : part;
});
export const fill = (template, values) => fillParts(template, values).join("");

export function addMonths(day, months) {
  const d = new Date(day * DAY);
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + months;
  return Date.UTC(y, m, Math.min(d.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate())) / DAY;
}

const YEARS = { min: 2000, max: 2099 };

export function validate(input, data) {
  const errors = [];
  const fail = (field, key, params = {}) => errors.push({ field, key, params });
  const { minWeeks, maxMonths, maxWeeks } = data.limits;
  const dateOf = (field) => {
    const text = (input[field] || "").trim();
    const day = text ? parseDate(text) : undefined;
    if (day === null) fail(field, DATE_FORM.test(text) ? "error_date" : "error_format");
    if (day == null) return day;
    const year = +DATE_FORM.exec(text)[1];
    if (year >= YEARS.min && year <= YEARS.max) return day;
    fail(field, "error_year", YEARS);
    return null;
  };
  const start = dateOf("start");
  if (start === undefined) fail("start", "error_required");
  let end = dateOf("end");
  const weeks = (input.weeks || "").trim();
  if (end !== undefined && weeks) fail("weeks", "error_end_and_weeks");
  else if (weeks) {
    if (!/^\d+$/.test(weeks) || weeks < minWeeks || weeks > maxWeeks) fail("weeks", "error_weeks", { min: minWeeks, max: maxWeeks });
    else if (start != null) end = start + weeks * 7 - 1;
  } else if (end === undefined) fail("end", "error_end_or_weeks");
  if (start != null && end != null) {
    if (end < start) fail("end", "error_end_before_start"); // the same day: too short, said below
    else if (end > addMonths(start, maxMonths)) fail("end", "error_too_long", { months: maxMonths });
    else if (end - start + 1 < minWeeks * 7) fail("end", "error_too_short", { weeks: minWeeks });
  }
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(input.time || "");
  if (!time) fail("time", "error_time");
  const midterm = dateOf("midterm"), final = dateOf("final");
  const outside = (day) => day != null && start != null && end != null && (day < start || day > end);
  // The first week is the welcome; a review or an evaluation there would put the plan out of order.
  const inWeekOne = (day) => day != null && start != null && day < start + 7;
  if (outside(midterm)) fail("midterm", "error_outside");
  else if (inWeekOne(midterm)) fail("midterm", "error_in_week_one");
  if (outside(final)) fail("final", "error_outside");
  else if (inWeekOne(final)) fail("final", "error_in_week_one");
  else if (midterm != null && final != null && final <= midterm) fail("midterm", "error_final_before_mid"), fail("final", "error_final_before_mid");
  const pick = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);
  return {
    errors,
    values: {
      start, end, midterm, final,
      time: time ? time[1] * 60 + +time[2] : 0,
      format: pick(input.format, Object.keys(data.formats), "on-site"),
      cadence: pick(input.cadence, ["recommended", "weekly", "biweekly", "monthly"], "recommended"),
      preference: pick(input.preference, Object.keys(data.preferences), "as-recommended"),
      weekday: pick(+input.weekday, [1, 2, 3, 4, 5], 2),
      length: Math.min(Math.max(Math.round(+input.duration) || 30, 5), 240),
      followUp: input.followup !== "no",
      avoid: input.avoid !== "no",
      province: pick(input.province, data.provinces, ""),
    },
  };
}

export function intervalFor(segment, values, data) {
  if (values.cadence !== "recommended") return values.cadence;
  if (!segment.range) return segment.every;
  const scale = Object.keys(data.intervals); // densest first
  const [low, high] = segment.range.map((name) => scale.indexOf(name));
  const shifted = scale.indexOf(segment.every) + data.formats[values.format].shift + data.preferences[values.preference];
  return scale[Math.min(high, Math.max(low, shifted))];
}

/** `max` prompts (all of a shorter pool), in turn from meeting to meeting, in the pool's order. */
export function pickPrompts(pool, occurrence, max) {
  const first = (occurrence * max) % pool.length; // each meeting starts where the last one stopped
  return pool.filter((_, i) => (i - first + pool.length) % pool.length < max);
}

// Right-to-left text or a stray direction mark stays inside the name (U+2068 … U+2069).
export const isolate = (text) => (/[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text) ? `\u2068${text}\u2069` : text);

/** "With …", or "": the student is named only at meetings they attend; the mentor unless the kind
 * says withMentor: false (the data carries it only then; planner.yml sets it on the evaluations). */
export function withLine(kind, s, student, mentor) {
  const names = [kind.withStudent && student, kind.withMentor ?? mentor].filter(Boolean).map(isolate);
  return names.length ? fill(s.with, { names: names.join(s.and) }) : "";
}

export const meetingLinks = (kind, s) => [["guide_link", kind.guide], ["checklist_link", kind.checklist], ["template_link", kind.template]]
  .filter(([, link]) => link?.href).map(([key, link]) => [fill(s[key], { title: link.title }), link.href]);

/** holidays: the build's holidays.json (or nothing yet); meetings move off the province's days
 * when the reader asked for it, except the dates they entered. */
export function buildPlan(input, data, holidays) {
  const { errors, values } = validate(input, data);
  if (errors.length) return { errors };
  const { start, end, weekday: wd } = values;
  const length = end - start + 1;
  const band = data.bands.find((b) => length / 7 < b.untilWeeks) || data.bands.at(-1);
  const events = [];
  const add = (kind, day, phase, every) => events.push({ kind, day, phase, every });
  const off = values.avoid ? holidaysIn(holidays, values.province) : new Map();
  const open = (day) => workday(day) && !off.has(day);
  const nextWorkday = (day, free = workday) => { do day++; while (!free(day)); return day; };
  // The plan is laid out on the days meetings are due, as without holidays; then a meeting due on a
  // day off goes to the nearest free working day (by = -1: the one before), so that a holiday moves
  // that meeting and no other.
  const place = (due, by = 1) => { let day = due; while (!open(day) || events.some((e) => e.day === day)) day += by; return day; };
  const movedFrom = new Map(); // day → the public holiday its meeting was moved from
  const moveOff = (due, by = 1) => { const day = place(due, by); if (off.has(due)) movedFrom.set(day, due); return day; };
  const snap = (day) => onOrBefore(day + 3, wd);

  add("preparation", moveOff(onOrBefore(start - data.prepareBeforeStart, wd), -1), "prepare");
  const workdays = [];
  for (let d = start; d < start + 7; d++) if (workday(d)) workdays.push(d);
  const weekOne = workdays.filter(open), welcomeEnd = weekOne.at(-1);
  // The first day and the expectations meeting move within the week; a touchpoint on a day off is left out.
  for (const [i, due] of [[0, workdays[0]], [weekOne.length - 1, workdays.at(-1)]]) if (off.has(due)) movedFrom.set(weekOne[i], due);
  weekOne.forEach((d, i) => add(i === 0 ? "first-day" : d === welcomeEnd ? "expectations" : "touchpoint", d, "welcome", "daily"));

  // The institution's dates win; computed ones keep the order welcome < mid < final < exit.
  const due = { final: values.final ?? snap(end - band.finalBeforeEnd), mid: values.midterm ?? snap(start + Math.round(length * band.midReviewAt)) };
  if (values.midterm == null) {
    if (due.mid >= due.final) due.mid = onOrBefore(due.final - 1, wd); // the week before, not the same day
    if (due.mid <= workdays.at(-1)) due.mid = nextWorkday(workdays.at(-1));
  }
  if (values.final == null && due.final <= due.mid) due.final = nextWorkday(due.mid);
  due.exit = onOrBefore(end, wd);
  if (due.exit <= due.final) due.exit = nextWorkday(due.final) <= end ? nextWorkday(due.final) : due.final;
  // Before a final evaluation the reader entered, or on its holiday when no working day is left between.
  const blocked = values.final != null && place(due.mid) >= values.final, room = place(due.mid, -1) > welcomeEnd;
  const mid = values.midterm ?? (!blocked ? moveOff(due.mid) : room ? moveOff(due.mid, -1) : due.mid);
  let final = values.final ?? moveOff(due.final);
  if (values.final == null && final <= mid) final = nextWorkday(mid, open);
  const free = nextWorkday(final, open);
  const exit = place(due.exit, -1) > final ? moveOff(due.exit, -1) : free <= end ? free : final;
  // A review entered so late that no working day (weekends and the province's holidays left out)
  // remains for the evaluation: it would fall after the placement.
  if (final > end && values.midterm != null) return { errors: [{ field: "midterm", key: "error_mid_too_late", params: {} }] };
  // A final evaluation entered on the first weekday after week 1 leaves no day for a review:
  // the plan has none rather than two meetings at the same hour.
  if (mid < final) add(band.midReview, mid, data.meetings[band.midReview].phase);
  const milestones = [due.mid, due.final, due.exit];
  for (let d = start + band.reviewsEvery; band.reviewsEvery && d < due.final; d += band.reviewsEvery) {
    const review = snap(d);
    if (milestones.every((m) => Math.abs(m - review) >= 42)) {
      add("quarterly-review", moveOff(review), review < due.mid ? "steady" : "second-half");
      milestones.push(review);
    }
  }
  add("final-evaluation", final, "final-evaluation");
  add("exit", exit, "exit");

  let from = start + 7, last = workdays.at(-1), regular = 0;
  for (const segment of band.rhythm) {
    const u = segment.until;
    const until = u.point ? due[u.point] : start + (u.days ?? Math.round(u.fraction * length));
    const every = intervalFor(segment, values, data), step = data.intervals[every]; // days
    const days = [];
    if (step < 7) { // twice a week: the weekday and 3 days from it (2 before a Friday)
      const other = wd + 3 <= 5 ? wd + 3 : wd - 3 >= 1 ? wd - 3 : wd + 2;
      for (let d = Math.max(from, last + 2); d < until; d++) if (weekday(d) === wd || weekday(d) === other) days.push(d);
    } else {
      for (let d = onOrAfter(Math.max(from, last + step - 3), wd); d < until; d += step) days.push(d);
    }
    for (const d of days) {
      if (d > end || milestones.some((m) => Math.abs(m - d) < step / 2)) continue;
      // After a review the institution set early, a check-in keeps the rhythm of its phase but is
      // listed in the second half, so that the timeline stays in order.
      add("check-in", moveOff(d), mid < d && !u.point ? "second-half" : segment.phase, every);
      regular++;
      last = d;
    }
    from = Math.max(from, until);
    if (u.point) last = Math.max(last, due[u.point]); // the next check-in a full step after a review
  }
  if (values.cadence !== "recommended" && !regular) return { errors: [{ field: "cadence", key: "error_cadence", params: {} }] };
  // Remote: more weeks of daily touchpoints, on days without a meeting.
  const taken = new Set(events.map((e) => e.day));
  for (let d = start + 7; d < start + 7 * data.formats[values.format].dailyWeeks && d <= end; d++) {
    if (open(d) && !taken.has(d)) add("touchpoint", d, 0, "daily");
  }
  if (values.followUp) add("follow-up", moveOff(onOrAfter(end + data.followUpAfterEnd, wd)), "follow-up");

  events.sort((a, b) => a.day - b.day);
  // A touchpoint after week 1 joins the phase of the meeting before it (after the welcome, the
  // band's first rhythm phase: the ramp-up), so that the timeline stays in order.
  let phase;
  for (const e of events) phase = e.phase ||= phase == "welcome" ? band.rhythm[0].phase : phase;
  // Each meeting lists its whole agenda, in the checklist's order (a check-in: "Use the same
  // agenda every time"). A kind with inTurn (prompts_in_turn in planner.yml: the daily
  // touchpoints) shows that many, taking turns so that each covers something new. Held once with
  // the student, it lists everything even so; held once without (the preparation, the mentor's
  // own to-do list), it shows its first ones and links its whole checklist.
  const held = {};
  for (const { kind } of events) held[kind] = (held[kind] ?? 0) + 1;
  const seen = {};
  const meetings = events.map(({ kind, day, phase, every }) => {
    const n = (seen[kind] = (seen[kind] ?? 0) + 1);
    // An exit on the evaluation's day starts when the evaluation ends, or ends when it starts if
    // it would otherwise run past midnight (on the next day, after the placement).
    const { minutes, prompts, withStudent, inTurn } = data.meetings[kind], length = minutes || values.length;
    const evaluation = data.meetings["final-evaluation"].minutes || values.length;
    const after = kind !== "exit" || day !== final ? 0 : values.time + evaluation + length <= 1440 || values.time < length ? evaluation : -length;
    return {
      id: `${kind}-${n}`, kind, phase, every, day, date: isoDate(day), time: values.time + after,
      length,
      prompts: !inTurn || (held[kind] === 1 && withStudent) ? prompts : pickPrompts(prompts, n - 1, inTurn),
      movedFrom: kind === "touchpoint" ? undefined : movedFrom.get(day),
    };
  });
  return { errors: [], meetings, values, band: band.key };
}

/** Meetings and the mentor's minutes by phase. */
export const byPhase = (meetings, data) => data.phases
  .map((p) => ({ ...p, meetings: meetings.filter((m) => m.phase === p.key) })).filter((g) => g.meetings.length)
  .map((g) => ({ ...g, minutes: g.meetings.reduce((sum, m) => sum + m.length, 0) }));

/** "Week 1: every day · From week 2 to week 4: every week · Then every two weeks" */
export function rhythmLine(plan, s) {
  const runs = [];
  for (const m of plan.meetings) {
    const week = Math.floor((m.day - plan.values.start) / 7) + 1;
    const run = runs.find((r) => r.every === m.every && (r === runs.at(-1) || m.every === "daily"));
    if (run) run.to = week;
    else if (m.every) runs.push({ every: m.every, from: Math.min(week, (runs.at(-1)?.to ?? 0) + 1), to: week });
  }
  return runs.map(({ every, from, to }, i) => {
    const text = s[`rhythm_${every}`];
    const key = i && i === runs.length - 1 ? "rhythm_then" : from === to ? "rhythm_week" : "rhythm_weeks";
    return fill(s[key], { every: text, from, to });
  }).join(" · ");
}

export function flagOf(day, today) { // 24 December to 2 January: the year-end holidays
  const date = isoDate(day).slice(5);
  return day < today ? "flag_past" : date >= "12-24" || date <= "01-02" ? "flag_holidays" : "";
}

/** The province's public holidays by day (day → name), from the build's holidays.json; none when
 * no province is chosen or the file is not loaded. */
export const holidaysIn = (holidays, province) =>
  new Map((holidays?.days[province] ?? []).map(([day, name]) => [day, holidays.names[name]]));

/** What a meeting's card and calendar event first say of a public holiday, or "": the holiday it
 * was moved from, or the one it falls on (a date the reader entered, or kept by their choice).
 * onHoliday: holidaysIn() of the plan's province, made once for all the meetings. */
export function holidayNote(meeting, plan, onHoliday, s, { province, date } = {}) {
  const moved = meeting.movedFrom;
  const name = onHoliday.get(moved ?? meeting.day);
  const entered = [plan.values.midterm, plan.values.final].includes(meeting.day);
  // With the box checked, only a date entered, or a review with no working day left before one, stays on a holiday.
  const key = moved != null ? "flag_moved" : entered ? "flag_holiday_entered" : plan.values.avoid ? "flag_holiday_no_room" : "flag_holiday";
  return name ? fill(s[key], { name, province, date: moved != null && date(moved), option: s.avoid_holidays }) : "";
}

/** The plan's years the build gave no holidays for (a plan made years after the site was built). */
export function yearsWithoutHolidays(meetings, holidays) {
  const [first, last] = holidays.years;
  const years = meetings.map((m) => new Date(m.day * DAY).getUTCFullYear()).filter((y) => y < first || y > last);
  return [...new Set(years)];
}
