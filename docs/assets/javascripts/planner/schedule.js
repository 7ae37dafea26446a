// Check-in schedule: pure functions, no DOM, shared by the page and the node tests.
// Dates are whole days counted from 1970-01-01 (UTC), so daylight saving never shifts a date;
// only the calendar export turns them into times in a time zone.

const DAY = 86400000;
const STEP_DAYS = { "twice-weekly": 3.5, weekly: 7, biweekly: 14, monthly: 28 };

export function parseDate(text) {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text || "");
  if (!m) return null;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const day = Date.UTC(y, mo - 1, d) / DAY;
  const back = new Date(day * DAY);
  // Date.UTC rolls 2026-02-30 over to March: a different month means the date does not exist.
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? day : null;
}

export const isoDate = (day) => new Date(day * DAY).toISOString().slice(0, 10);
export const weekday = (day) => ((day + 3) % 7) + 1; // 1 = Monday … 7 = Sunday
const isWorkday = (day) => weekday(day) <= 5;
const onOrAfter = (day, wd) => day + ((wd - weekday(day) + 7) % 7);
const onOrBefore = (day, wd) => day - ((weekday(day) - wd + 7) % 7);
const nextWorkday = (day) => { do day++; while (!isWorkday(day)); return day; };

export function addMonths(day, months) {
  const d = new Date(day * DAY);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d.getUTCDate(), last)) / DAY;
}

// The second meeting day when meeting twice a week: three days later, or earlier near Friday.
const secondDay = (wd) => (wd + 3 <= 5 ? wd + 3 : wd - 3 >= 1 ? wd - 3 : wd + 2);

/** Check the form's values. Returns {errors: [{field, key, params}], values}. */
export function validate(input, data) {
  const errors = [];
  const fail = (field, key, params) => errors.push({ field, key, params: params || {} });
  const { minWeeks, maxMonths, maxWeeks } = data.limits;
  const dateOf = (field) => {
    const text = (input[field] || "").trim();
    if (!text) return undefined;
    const day = parseDate(text);
    if (day === null) fail(field, "error_date");
    return day;
  };
  const start = dateOf("start");
  if (start === undefined) fail("start", "error_required");
  let end = dateOf("end");
  const weeksText = (input.weeks || "").trim();
  if (end === undefined && weeksText) {
    const weeks = Number(weeksText);
    if (!Number.isInteger(weeks) || weeks < minWeeks || weeks > maxWeeks) {
      fail("weeks", "error_weeks", { min: minWeeks, max: maxWeeks });
    } else if (start != null) end = start + weeks * 7 - 1;
  } else if (end === undefined && !errors.some((e) => e.field === "end")) {
    fail("end", "error_end_or_weeks");
  }
  if (start != null && end != null) {
    if (end <= start) fail("end", "error_end_before_start");
    else if (end > addMonths(start, maxMonths)) fail("end", "error_too_long", { months: maxMonths });
    else if (end - start + 1 < minWeeks * 7) fail("end", "error_too_short", { weeks: minWeeks });
  }
  const time = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(input.time || "");
  if (!time) fail("time", "error_time");
  const midterm = dateOf("midterm");
  const final = dateOf("final");
  const inside = (day) => day == null || start == null || end == null || (day >= start && day <= end);
  if (!inside(midterm)) fail("midterm", "error_outside");
  if (!inside(final)) fail("final", "error_outside");
  else if (midterm != null && final != null && final <= midterm) fail("final", "error_final_before_mid");
  const pick = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);
  return {
    errors,
    values: {
      start, end, midterm, final,
      time: time ? +time[1] * 60 + +time[2] : 0, // minutes after midnight
      format: pick(input.format, Object.keys(data.formats), "on-site"),
      cadence: pick(input.cadence, ["recommended", "weekly", "biweekly", "monthly"], "recommended"),
      preference: pick(input.preference, Object.keys(data.preferences), "as-recommended"),
      weekday: pick(+input.weekday, [1, 2, 3, 4, 5], 2),
      length: Math.min(Math.max(Math.round(+input.duration) || 30, 5), 240),
      followUp: input.followup !== false && input.followup !== "no",
    },
  };
}

/** The interval used for a rhythm segment, after the format and preference shifts. */
export function intervalFor(segment, values, data) {
  if (values.cadence !== "recommended") return values.cadence;
  if (!segment.range) return segment.every;
  const scale = data.intervals;
  const shift = data.formats[values.format].shift + data.preferences[values.preference];
  const [low, high] = segment.range.map((name) => scale.indexOf(name));
  return scale[Math.min(high, Math.max(low, scale.indexOf(segment.every) + shift))];
}

/** Pick up to `max` prompts, in turn from meeting to meeting, keeping the checklist's order. */
export function pickPrompts(pool, occurrence, max = 5) {
  if (pool.length <= max) return pool.slice();
  const picked = new Set();
  for (let j = 0; j < max; j++) picked.add((occurrence * max + j) % pool.length);
  return [...picked].sort((a, b) => a - b).map((i) => pool[i]);
}

/** Build the plan: {errors} when the input is unusable, else {meetings, values, band}. */
export function buildPlan(input, data) {
  const { errors, values } = validate(input, data);
  if (errors.length) return { errors };
  const { start, end, weekday: wd } = values;
  const length = end - start + 1;
  const band = data.bands.find((b) => length / 7 < b.untilWeeks) || data.bands[data.bands.length - 1];
  const events = [];
  const add = (kind, day, phase, regular = false) => events.push({ kind, day, phase, regular });

  add("preparation", onOrBefore(start - data.prepareBeforeStart, wd), "prepare");
  const weekOne = [];
  for (let d = start; d < start + 7; d++) if (isWorkday(d)) weekOne.push(d);
  const welcomeEnd = weekOne[weekOne.length - 1];
  weekOne.forEach((d, i) => add(i === 0 ? "first-day" : d === welcomeEnd ? "expectations" : "touchpoint", d, "welcome"));

  const snap = (day) => onOrBefore(day + 3, wd); // the meeting weekday nearest to the day
  // The institution's dates win; computed ones keep the order welcome < mid < final < exit.
  let final = values.final ?? snap(end - band.finalBeforeEnd);
  let mid = values.midterm ?? snap(start + Math.round(length * band.midReviewAt));
  if (values.midterm == null) {
    if (mid >= final) mid = snap(final - 1);
    if (mid <= welcomeEnd) mid = nextWorkday(welcomeEnd);
  }
  if (values.final == null && final <= mid) final = nextWorkday(mid);
  let exit = onOrBefore(end, wd);
  if (exit <= final) exit = nextWorkday(final) <= end ? nextWorkday(final) : final;
  const midKind = band.midReview;
  add(midKind, mid, data.meetings[midKind].phase);
  const milestones = [mid, final, exit];
  if (band.reviewsEvery) {
    for (let d = start + band.reviewsEvery; d < final; d += band.reviewsEvery) {
      const review = snap(d);
      if (milestones.every((m) => Math.abs(m - review) >= 42)) {
        add("quarterly-review", review, review < mid ? "steady" : "second-half");
        milestones.push(review);
      }
    }
  }
  add("final-evaluation", final, "final-evaluation");
  add("exit", exit, "exit");

  // Regular check-ins, segment by segment, spaced from the last meeting before them.
  const points = { mid, final, exit };
  let from = start + 7;
  let last = welcomeEnd;
  let regular = 0;
  for (const segment of band.rhythm) {
    const u = segment.until;
    const until = u.point ? points[u.point] : start + (u.days ?? Math.round(u.fraction * length));
    const step = STEP_DAYS[intervalFor(segment, values, data)];
    const keepClear = Math.ceil(step / 2);
    const days = [];
    if (step < 7) {
      const second = secondDay(wd);
      for (let d = Math.max(from, last + 2); d < until; d++) if (weekday(d) === wd || weekday(d) === second) days.push(d);
    } else {
      for (let d = onOrAfter(Math.max(from, last + step - 3), wd); d < until; d += step) days.push(d);
    }
    for (const d of days) {
      if (d > end || milestones.some((m) => Math.abs(m - d) < keepClear)) continue;
      add("check-in", d, segment.phase, true);
      regular++;
      last = d;
    }
    from = Math.max(from, until);
    if (u.point === "mid") last = Math.max(last, mid);
  }
  if (values.cadence !== "recommended" && regular === 0) {
    return { errors: [{ field: "cadence", key: "error_cadence", params: {} }] };
  }
  // Remote: the daily touchpoint goes on in the following weeks, except on check-in days.
  const dailyWeeks = data.formats[values.format].dailyWeeks;
  const taken = new Set(events.map((e) => e.day));
  for (let d = start + 7; d < start + 7 * dailyWeeks && d <= end; d++) {
    if (isWorkday(d) && !taken.has(d)) add("touchpoint", d, "welcome");
  }
  if (values.followUp) add("follow-up", onOrAfter(end + data.followUpAfterEnd, wd), "follow-up");

  events.sort((a, b) => a.day - b.day);
  const seen = {};
  const meetings = events.map((e) => {
    const kind = data.meetings[e.kind];
    const n = (seen[e.kind] = (seen[e.kind] ?? -1) + 1);
    // The exit conversation follows the final evaluation when both fall on the same day.
    const sameDay = e.kind === "exit" && e.day === final;
    const time = values.time + (sameDay ? data.meetings["final-evaluation"].minutes || values.length : 0);
    return {
      id: `${e.kind}-${n + 1}`,
      kind: e.kind,
      phase: e.phase,
      day: e.day,
      date: isoDate(e.day),
      time, // minutes after midnight, local time
      length: kind.minutes || values.length,
      prompts: pickPrompts(kind.prompts, n),
    };
  });
  return { errors: [], meetings, values, band: band.key };
}

/** Meetings grouped by phase, in the phases' order (empty phases left out). */
export function byPhase(meetings, data) {
  return data.phases
    .map((phase) => ({ ...phase, meetings: meetings.filter((m) => m.phase === phase.key) }))
    .filter((group) => group.meetings.length);
}
