// Unit tests of the schedule logic: node --test tests/js/
// plan-data.en.json is the build's data for English (tests/test_planner_data.py keeps it in step
// with content/planner.yml).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { addMonths, buildPlan, byPhase, fill, fillParts, flagOf, holidayNote, holidaysIn, intervalFor, isoDate, meetingLinks, parseDate, pickPrompts, rhythmLine, weekday, withLine, yearsWithoutHolidays }
  from "../../docs/assets/javascripts/planner/schedule.js";

const data = JSON.parse(readFileSync(new URL("./plan-data.en.json", import.meta.url)));
const holidays = JSON.parse(readFileSync(new URL("./holidays.en.json", import.meta.url)));
const base = {
  start: "2026-09-08", end: "2026-12-18", weeks: "", format: "on-site", cadence: "recommended",
  preference: "as-recommended", weekday: "2", time: "10:00", duration: "30", student: "", mentor: "",
  place: "", midterm: "", final: "", followup: "yes",
};
const plan = (extra) => buildPlan({ ...base, ...extra }, data);
const kinds = (p, kind) => p.meetings.filter((m) => m.kind === kind);
const errorOf = (p) => p.errors.map((e) => `${e.field}:${e.key}`);

test("dates: real dates parse, impossible ones do not", () => {
  assert.equal(isoDate(parseDate("2026-09-08")), "2026-09-08");
  assert.equal(isoDate(parseDate("2028-2-29")), "2028-02-29");
  assert.equal(parseDate("2026-02-29"), null);
  assert.equal(parseDate("2026-13-01"), null);
  assert.equal(parseDate("08/09/2026"), null);
  assert.equal(weekday(parseDate("2026-09-08")), 2); // a Tuesday
  assert.equal(isoDate(addMonths(parseDate("2026-01-31"), 1)), "2026-02-28");
});

test("templates: each {name} is replaced by its value, kept whole; unknown names stay as written", () => {
  const node = { date: "mardi 8 septembre 2026" }; // stands for a page element: kept as it is, not as text
  assert.deepEqual(fillParts("{count} meetings from {first} to {last}.", { count: 14, first: node, last: "Friday" }),
    [14, " meetings from ", node, " to ", "Friday", "."]);
  assert.equal(fill("{count} meetings from {first} to {gone}.", { count: 14, first: "Sept 8" }), "14 meetings from Sept 8 to {gone}.");
  assert.equal(fill("With {student}", { student: "{mentor}" }), "With {mentor}"); // a value is never filled again
});

test("a 15-week on-site placement follows the phases in order", () => {
  const p = plan({});
  assert.deepEqual(p.errors, []);
  assert.equal(p.band, "standard");
  assert.deepEqual(byPhase(p.meetings, data).map((g) => g.key),
    ["prepare", "welcome", "ramp-up", "steady", "mid-review", "second-half", "final-evaluation", "exit", "follow-up"]);
  assert.equal(kinds(p, "first-day")[0].date, "2026-09-08");
  assert.equal(kinds(p, "touchpoint").length, 3);
  assert.equal(kinds(p, "expectations")[0].date, "2026-09-14");
  const [mid] = kinds(p, "mid-review");
  assert.ok(mid.date > "2026-10-20" && mid.date < "2026-11-03", mid.date);
  const checkIns = kinds(p, "check-in");
  assert.ok(checkIns.length >= 5, `${checkIns.length} check-ins`);
  for (const m of checkIns) assert.equal(weekday(m.day), 2, `${m.date} is the chosen weekday`);
  assert.equal(kinds(p, "exit")[0].date, "2026-12-15");
  assert.ok(kinds(p, "final-evaluation")[0].date < "2026-12-15");
  const dates = p.meetings.map((m) => m.date);
  assert.deepEqual(dates, [...dates].sort());
  assert.equal(new Set(p.meetings.map((m) => m.id)).size, p.meetings.length, "ids are unique");
});

test("a kind that takes turns shows its share of prompts; the others, and one held once with the student, list their whole agenda", () => {
  for (const extra of [{}, { start: "2026-05-04", end: "2027-08-27" }, { end: "", weeks: "3" }]) {
    const meetings = plan(extra).meetings;
    for (const m of meetings) {
      const { inTurn, prompts, withStudent } = data.meetings[m.kind];
      const once = meetings.filter((other) => other.kind === m.kind).length === 1 && withStudent;
      const expected = once || !inTurn ? prompts.length : Math.min(inTurn, prompts.length);
      assert.ok(m.prompts.length >= 3 && m.prompts.length === expected, `${m.id}: ${m.prompts.length}`);
    }
  }
  // Steps the checklists say matter, which the first five items left out (the checklist's words).
  const [expectations] = kinds(plan({}), "expectations"), [final] = kinds(plan({}), "final-evaluation");
  assert.ok(expectations.prompts.some((p) => p.startsWith("Set how often you will hold check-ins")), expectations.prompts);
  assert.ok(expectations.prompts.includes("Set the date of the mid-placement review."), expectations.prompts); // its last item
  assert.ok(final.prompts.some((p) => p.startsWith("Go over it with the student in person or on video")), final.prompts);
  assert.ok(final.prompts.some((p) => p.startsWith("Hold the exit conversation on a different day")), final.prompts);
  // The follow-up's agenda is the checklist section its card links to, not paragraphs of the guide.
  const [followUp] = kinds(plan({}), "follow-up");
  assert.ok(followUp.prompts.some((p) => p.startsWith("Agree on how to reach each other and, if you both want to, when to talk again")), followUp.prompts);
  assert.ok(!followUp.prompts.some((p) => p.includes("Our advice")), followUp.prompts);
});

test("prompts rotate from one meeting to the next, keeping the checklist's order", () => {
  const pool = ["a", "b", "c", "d", "e", "f", "g", "h"];
  assert.deepEqual(pickPrompts(pool, 0, 5), ["a", "b", "c", "d", "e"]);
  assert.deepEqual(pickPrompts(pool, 1, 5), ["a", "b", "f", "g", "h"]);
  assert.deepEqual(pickPrompts(pool, 2, 5), ["c", "d", "e", "f", "g"]); // from where the last one stopped
  assert.deepEqual(pickPrompts(["a", "b", "c"], 4, 5), ["a", "b", "c"]);
});

test("remote and hybrid placements get more touchpoints than on-site ones", () => {
  const onSite = plan({}).meetings.length;
  const hybrid = plan({ format: "hybrid" }).meetings.length;
  const remote = plan({ format: "remote" }).meetings.length;
  assert.ok(hybrid > onSite, `${hybrid} > ${onSite}`);
  assert.ok(remote > hybrid, `${remote} > ${hybrid}`);
});

test("the student's preference moves the recommended rhythm, not a fixed one", () => {
  const count = (extra) => kinds(plan(extra), "check-in").length;
  assert.ok(count({ preference: "more" }) > count({}));
  assert.ok(count({ preference: "fewer" }) <= count({}));
  assert.equal(count({ cadence: "weekly", preference: "more" }), count({ cadence: "weekly", preference: "fewer" }));
  const steady = data.bands.find((b) => b.key === "standard").rhythm[1];
  assert.equal(intervalFor(steady, { cadence: "recommended", format: "remote", preference: "fewer" }, data), steady.every);
  assert.equal(intervalFor(steady, { cadence: "recommended", format: "remote", preference: "more" }, data), "weekly");
});

test("fixed cadences space check-ins by 7, 14 and 28 days (more around reviews)", () => {
  for (const [cadence, step] of [["weekly", 7], ["biweekly", 14], ["monthly", 28]]) {
    const days = kinds(plan({ cadence, start: "2026-01-05", end: "2026-12-18" }), "check-in").map((m) => m.day);
    const gaps = days.slice(1).map((d, i) => d - days[i]);
    assert.ok(gaps.every((g) => g >= step && g % 7 === 0), `${cadence}: ${gaps}`);
    assert.ok(gaps.filter((g) => g === step).length > gaps.length / 2, `${cadence}: ${gaps}`);
  }
});

test("a short placement (4 weeks) meets twice a week, with an informal review", () => {
  const p = plan({ end: "", weeks: "4" });
  assert.equal(p.band, "short");
  assert.equal(kinds(p, "informal-review").length, 1);
  assert.ok(kinds(p, "check-in").some((m) => weekday(m.day) === 5), "a second weekly day (Friday)");
  const exit = kinds(p, "exit")[0], final = kinds(p, "final-evaluation")[0];
  assert.ok(exit.day > final.day && exit.date <= "2026-10-05");
});

test("8 to 12 weeks: a check-in every week, the review and the final evaluation included", () => {
  // The site's bands: "Under 8 weeks", "8 to 12 weeks", "3 to 8 months" (13 weeks and more).
  assert.equal(plan({ end: "", weeks: "7" }).band, "short");
  assert.equal(plan({ end: "", weeks: "13" }).band, "standard");
  for (const weeks of ["8", "10", "12"]) {
    const p = plan({ end: "", weeks });
    assert.equal(p.band, "medium", `${weeks} weeks`);
    assert.equal(kinds(p, "mid-review").length, 1);
    assert.equal(kinds(p, "informal-review").length, 0);
    // From the first regular check-in to the final evaluation, no week goes by without a meeting.
    const first = kinds(p, "check-in")[0].day, final = kinds(p, "final-evaluation")[0].day;
    const days = p.meetings.map((m) => m.day).filter((d) => d >= first && d <= final).sort((a, b) => a - b);
    const gaps = days.slice(1).map((d, i) => d - days[i]);
    assert.ok(gaps.every((g) => g <= 7), `${weeks} weeks: gaps of ${gaps} days`);
    const mid = kinds(p, "mid-review")[0].day;
    assert.ok(kinds(p, "check-in").some((m) => m.day > mid && m.day < final), `${weeks} weeks: a check-in after the review`);
  }
});

test("the midpoint review falls on the chosen weekday nearest the middle", () => {
  // 2026-09-08 to 2026-12-18: the middle is Thursday 2026-10-29; the nearest Tuesday is 10-27.
  assert.equal(kinds(plan({}), "mid-review")[0].date, "2026-10-27");
  assert.equal(weekday(kinds(plan({ weekday: "4" }), "mid-review")[0].day), 4);
});

test("no meeting falls on a weekend", () => {
  // Ends Tuesday 2026-12-22, evaluation Friday 12-18: the exit goes to Monday 12-21, not Saturday.
  const overWeekend = plan({ end: "2026-12-22", weekday: "4", final: "2026-12-18" });
  assert.equal(kinds(overWeekend, "exit")[0].date, "2026-12-21");
  for (const extra of [{}, { end: "2026-12-22", weekday: "4", final: "2026-12-18" }, { end: "", weeks: "4", weekday: "5" }]) {
    for (const m of plan(extra).meetings) {
      const day = new Date(`${m.date}T12:00:00Z`).getUTCDay(); // 0 Sunday, 6 Saturday, as the calendar says
      assert.ok(day >= 1 && day <= 5, `${m.id} on ${m.date}`);
    }
  }
});

test("a 16-month placement adds quarterly reviews and goes monthly", () => {
  const p = plan({ start: "2026-05-04", end: "2027-08-27" });
  assert.deepEqual(p.errors, []);
  assert.equal(p.band, "long");
  assert.ok(kinds(p, "quarterly-review").length >= 2);
  const late = kinds(p, "check-in").filter((m) => m.phase === "second-half").map((m) => m.day);
  assert.ok(late.slice(1).every((d, i) => d - late[i] >= 28), "monthly in the second half");
});

test("the institution's dates are used as given", () => {
  const p = plan({ midterm: "2026-10-30", final: "2026-12-11" });
  assert.equal(kinds(p, "mid-review")[0].date, "2026-10-30");
  assert.equal(kinds(p, "final-evaluation")[0].date, "2026-12-11");
});

test("an evaluation the institution sets weeks before the end: the check-ins go on until the exit conversation", () => {
  // September 8 to December 18, Tuesdays, every two weeks in the second half; evaluation Friday, November 6.
  const p = plan({ final: "2026-11-06" });
  const after = p.meetings.filter((m) => m.date > "2026-11-06" && m.date < "2026-12-15").map((m) => `${m.date} ${m.kind}`);
  assert.deepEqual(after, ["2026-11-17 check-in", "2026-12-01 check-in"]);
  assert.equal(kinds(p, "exit")[0].date, "2026-12-15");
  // Without an entered date the evaluation is two weeks before the end and the exit conversation follows.
  assert.deepEqual(plan({}).meetings.filter((m) => m.date > "2026-11-24" && m.date < "2027-01-01").map((m) => `${m.date} ${m.kind}`),
    ["2026-12-01 final-evaluation", "2026-12-15 exit"]);
});

test("a review the institution sets early, in the first weeks: the timeline stays in date order", () => {
  // September 8 to December 18: weekly check-ins for the first quarter, to about October 4; the
  // review is set on Friday, September 25. The check-in of September 29 keeps that weekly rhythm
  // but is listed after the review, with the second half.
  const p = plan({ midterm: "2026-09-25" });
  const listed = byPhase(p.meetings, data).flatMap((g) => g.meetings.map((m) => `${m.date} ${g.key}`));
  assert.deepEqual(listed.filter((line) => line > "2026-09-20" && line < "2026-10-20"),
    ["2026-09-25 mid-review", "2026-09-29 second-half", "2026-10-13 second-half"]);
  assert.deepEqual(listed, [...listed].sort());
  // Without an entered date the review is at the middle, and the first weeks' check-ins are the ramp-up's.
  assert.deepEqual(byPhase(plan({}).meetings, data).find((g) => g.key === "ramp-up").meetings.map((m) => m.date),
    ["2026-09-22", "2026-09-29"]);
});

test("no follow-up when it is unchecked", () => {
  assert.equal(kinds(plan({ followup: "no" }), "follow-up").length, 0);
  assert.equal(kinds(plan({}), "follow-up").length, 1);
});

test("bad input gives errors tied to the field", () => {
  assert.deepEqual(errorOf(plan({ end: "2026-09-01" })), ["end:error_end_before_start"]);
  assert.deepEqual(errorOf(plan({ end: "2026-09-08" })), ["end:error_too_short"]); // one day: the rule is the length
  assert.deepEqual(errorOf(plan({ end: "2028-01-30" })), ["end:error_too_long"]);
  assert.deepEqual(errorOf(plan({ end: "2027-01-08" })), []); // 16 months is allowed
  assert.deepEqual(errorOf(plan({ start: "2026-02-30" })), ["start:error_date"]);
  assert.deepEqual(errorOf(plan({ start: "0026-09-08" })), ["start:error_year"]); // not 1926
  assert.deepEqual(errorOf(plan({ end: "9026-12-18" })), ["end:error_year"]);
  assert.deepEqual(errorOf(plan({ start: "" })), ["start:error_required"]);
  assert.deepEqual(errorOf(plan({ end: "" })), ["end:error_end_or_weeks"]);
  assert.deepEqual(errorOf(plan({ end: "", weeks: "80" })), ["weeks:error_weeks"]);
  assert.deepEqual(errorOf(plan({ end: "", weeks: "2,5" })), ["weeks:error_weeks"]); // a decimal comma is not a whole number
  assert.deepEqual(errorOf(plan({ weeks: "52" })), ["weeks:error_end_and_weeks"]); // both given: neither is dropped silently
  assert.deepEqual(errorOf(plan({ end: "2026-09-12" })), ["end:error_too_short"]);
  assert.deepEqual(errorOf(plan({ time: "25:00" })), ["time:error_time"]);
  assert.deepEqual(errorOf(plan({ midterm: "2027-03-01" })), ["midterm:error_outside"]);
  assert.deepEqual(errorOf(plan({ midterm: "2026-11-20", final: "2026-11-10" })), ["midterm:error_final_before_mid", "final:error_final_before_mid"]);
  // The placement runs from Tuesday 2026-09-08 to Friday 2026-12-18: its first week ends on Monday 09-14.
  assert.deepEqual(errorOf(plan({ midterm: "2026-09-08" })), ["midterm:error_in_week_one"]);
  assert.deepEqual(errorOf(plan({ final: "2026-09-14" })), ["final:error_in_week_one"]);
  assert.deepEqual(errorOf(plan({ midterm: "2026-09-15" })), []); // week 2
  assert.deepEqual(errorOf(plan({ midterm: "2026-12-18" })), ["midterm:error_mid_too_late"]); // the last day
  assert.deepEqual(errorOf(plan({ midterm: "2026-12-18", end: "2026-12-20" })), ["midterm:error_mid_too_late"]); // only a weekend after it
  assert.deepEqual(errorOf(plan({ midterm: "2026-12-18", end: "2026-12-21" })), []); // Monday is left
  assert.deepEqual(errorOf(plan({ midterm: "2026-12-17" })), []); // the last day is left for the final evaluation
  assert.deepEqual(errorOf(plan({ midterm: "2026-12-18", final: "2026-12-18" })), ["midterm:error_final_before_mid", "final:error_final_before_mid"]);
  // Only Christmas left after the review, in Ontario with holidays avoided: still too late.
  const christmas = buildPlan({ ...base, province: "ON", avoid: "yes", midterm: "2026-12-24", end: "2026-12-25" }, data, holidays);
  assert.deepEqual(errorOf(christmas), ["midterm:error_mid_too_late"]);
  assert.deepEqual(errorOf(plan({ cadence: "monthly", end: "", weeks: "3" })), ["cadence:error_cadence"]);
});

test("meeting times: the chosen time, and the exit after the evaluation on a shared day", () => {
  const p = plan({ time: "13:30" });
  assert.ok(p.meetings.every((m) => m.time === 13 * 60 + 30));
  // The placement ends on Friday 2026-12-18 and the evaluation is that day: no later workday is
  // left, so the exit conversation shares the day and starts when the evaluation ends.
  const shared = plan({ final: "2026-12-18" });
  const [final] = kinds(shared, "final-evaluation"), [exit] = kinds(shared, "exit");
  assert.equal(final.date, "2026-12-18");
  assert.equal(exit.date, "2026-12-18");
  assert.equal(final.time, 10 * 60);
  assert.ok(final.length >= 30, `${final.length} minutes`);
  assert.equal(exit.time, final.time + final.length, "the exit starts when the evaluation ends");
  // With a workday left after the evaluation, the exit moves to it, at the chosen time.
  const apart = plan({ final: "2026-12-15" });
  assert.equal(kinds(apart, "exit")[0].date, "2026-12-16");
  assert.equal(kinds(apart, "exit")[0].time, 10 * 60);
  // At 23:30 the exit would start after midnight, on the Saturday after the placement: it comes
  // just before the evaluation instead, the same day.
  const late = plan({ final: "2026-12-18", time: "23:30" });
  const [lateExit] = kinds(late, "exit");
  assert.equal(lateExit.date, "2026-12-18");
  assert.equal(lateExit.time, 23 * 60 + 30 - lateExit.length);
});

test("a final evaluation entered on the first weekday after week 1 leaves no day for a review: the plan has none", () => {
  // Two weeks from Tuesday 2026-09-08: week 1 ends on Monday the 14th (the expectations meeting).
  const p = plan({ end: "2026-09-21", final: "2026-09-15" });
  assert.deepEqual(p.errors, []);
  assert.deepEqual(p.meetings.filter((m) => m.date >= "2026-09-14" && m.date <= "2026-09-21").map((m) => `${m.date} ${m.kind}`),
    ["2026-09-14 expectations", "2026-09-15 final-evaluation", "2026-09-16 exit"]);
  const slots = p.meetings.map((m) => `${m.date} ${m.time}`);
  assert.deepEqual(slots.filter((slot, i) => slots.indexOf(slot) !== i), [], "no two meetings at the same hour");
  // One working day later, the review has its day.
  const later = plan({ end: "2026-09-21", final: "2026-09-16" });
  assert.deepEqual(kinds(later, "informal-review").map((m) => m.date), ["2026-09-15"]);
});

test("the page and the calendar name the mentor at supervisor-only meetings, the student too elsewhere", () => {
  const s = data.strings, alone = data.meetings.preparation, together = data.meetings["check-in"];
  assert.equal(withLine(alone, s, "", "Sam"), "With Sam");
  assert.equal(withLine(alone, s, "Alex", "Sam"), "With Sam");
  assert.equal(withLine(alone, s, "Alex", ""), "");
  assert.equal(withLine(together, s, "Alex", "Sam"), "With Alex and Sam");
  assert.equal(withLine(together, s, "Alex", ""), "With Alex");
});

test("dates in the usual year-first forms are read, on keypads without a dash too", () => {
  for (const text of ["2026-09-08", "20260908", "2026/09/08", "2026.9.8", "2026 09 08", " 2026-9-08 "]) {
    assert.equal(isoDate(parseDate(text)), "2026-09-08", text);
  }
  assert.deepEqual(errorOf(plan({ start: "20260908", end: "2026/12/18" })), []);
});

test("a date in the wrong form gets a format message, a date that does not exist another", () => {
  for (const text of ["08/09/2026", "2026-0908", "2026908", "sept. 8", "2026-09-08T10"]) {
    assert.deepEqual(errorOf(plan({ start: text })), ["start:error_format"], text);
  }
  assert.deepEqual(errorOf(plan({ start: "20260230" })), ["start:error_date"]);
  assert.deepEqual(errorOf(plan({ midterm: "2026/02/30" })), ["midterm:error_date"]);
});

test("the rhythm in one line, as the reader sees it", () => {
  assert.equal(rhythmLine(plan({}), data.strings), "Week 1: every day · From week 2 to week 4: every week · Then every two weeks");
  assert.equal(rhythmLine(plan({ cadence: "weekly" }), data.strings), "Week 1: every day · Then every week");
  // Remote: the daily touchpoint lasts two weeks and check-ins move one step more often.
  assert.equal(rhythmLine(plan({ format: "remote" }), data.strings), "From week 1 to week 2: every day · Then every week");
  assert.equal(rhythmLine(plan({ format: "remote", preference: "fewer" }), data.strings),
    "From week 1 to week 2: every day · From week 3 to week 4: every week · Then every two weeks");
});

test("the rhythm line never counts back: a check-in in the last week of daily touchpoints shares that week", () => {
  // Remote, 8 weeks from Tuesday, September 8, meeting on Mondays: the touchpoints run to Friday,
  // September 18, and the first weekly check-in is on Monday, September 21, still in week 2.
  const p = plan({ end: "", weeks: "8", format: "remote", weekday: "1" });
  assert.deepEqual(p.meetings.filter((m) => m.every === "weekly").map((m) => m.date), ["2026-09-21"]);
  assert.equal(rhythmLine(p, data.strings), "From week 1 to week 2: every day · Week 2: every week · Then twice a week");
});

test("remote: the second week's touchpoints come after the welcome week, and the timeline stays in date order", () => {
  // 16 weeks from Tuesday, September 8: week 1 runs to Monday, September 14.
  const listed = (extra) => byPhase(plan({ end: "", format: "remote", ...extra }).meetings, data)
    .flatMap((g) => g.meetings.map((m) => `${m.date} ${g.key}`));
  const sixteen = listed({ weeks: "16" });
  assert.deepEqual(sixteen.filter((line) => line >= "2026-09-14" && line < "2026-09-23"), [
    "2026-09-14 welcome", "2026-09-15 ramp-up", "2026-09-16 ramp-up", "2026-09-17 ramp-up",
    "2026-09-18 ramp-up", "2026-09-21 ramp-up", "2026-09-22 ramp-up"]);
  assert.deepEqual(sixteen, [...sixteen].sort());
  // Three weeks: the informal review on Tuesday, September 15, in week 2; the touchpoints after it
  // are listed with the review, then with the second half.
  const three = listed({ weeks: "3" });
  assert.deepEqual(three.filter((line) => line >= "2026-09-15" && line < "2026-09-22"), [
    "2026-09-15 mid-review", "2026-09-16 mid-review", "2026-09-17 mid-review", "2026-09-18 second-half",
    "2026-09-21 second-half"]);
  assert.deepEqual(three, [...three].sort());
});

test("meetings in the past or over the year-end holidays are flagged", () => {
  const day = parseDate;
  for (const date of ["2026-12-24", "2026-12-31", "2027-01-01", "2027-01-02"]) assert.equal(flagOf(day(date), 0), "flag_holidays", date);
  for (const date of ["2026-12-23", "2027-01-03", "2026-07-01"]) assert.equal(flagOf(day(date), 0), "", date);
  assert.equal(flagOf(day("2026-09-01"), day("2026-09-10")), "flag_past");
  assert.equal(flagOf(day("2026-09-10"), day("2026-09-10")), "");
});

test("the time a mentor commits, by phase: each meeting's length added up", () => {
  const p = plan({});
  const minutes = Object.fromEntries(byPhase(p.meetings, data).map((g) => [g.key, g.minutes]));
  // 30-minute preparation; 15-minute first day and three touchpoints and a 60-minute expectations talk.
  assert.equal(minutes.prepare, 30);
  assert.equal(minutes.welcome, 15 + 3 * 15 + 60);
  assert.equal(minutes["mid-review"], 60);
  assert.equal(minutes["final-evaluation"], 60);
  assert.equal(minutes.exit, 30);  // the exit conversation is 30 minutes, as in the feedback chapter
  assert.equal(minutes["follow-up"], 30);
  assert.equal(minutes["ramp-up"], 30 * kinds(p, "check-in").filter((m) => m.phase === "ramp-up").length);
});

test("a right-to-left name or a stray direction mark stays inside the name", () => {
  const s = data.strings, together = data.meetings["check-in"];
  assert.equal(withLine(together, s, "\u202eAlex", "Sam"), "With \u2068\u202eAlex\u2069 and Sam");
  assert.equal(withLine(together, s, "דנה", "Sam"), "With \u2068דנה\u2069 and Sam");
  assert.equal(withLine(together, s, "Zoé", "Sam"), "With Zoé and Sam"); // left-to-right names as they are
});

test("the expectations meeting and the midpoint review link the learning plan template", () => {
  const texts = (key) => meetingLinks(data.meetings[key], data.strings).map(([text]) => text);
  assert.ok(texts("expectations").includes("Learning plan (template to fill in)"), texts("expectations").join(" | "));
  assert.ok(texts("mid-review").includes("Learning plan (template to fill in)"));
  assert.ok(!texts("check-in").some((text) => text.endsWith("(template to fill in)")));
});

test("public holidays: the chosen province's, by name, and none without a province", () => {
  const day = (text) => parseDate(text);
  const ontario = holidaysIn(holidays, plan({ province: "ON" }).values.province);
  assert.equal(ontario.get(day("2026-09-07")), "Labour Day");
  assert.equal(ontario.get(day("2026-02-16")), "Family Day");
  assert.equal(ontario.get(day("2026-06-24")), undefined); // Quebec's, not Ontario's
  const quebec = holidaysIn(holidays, "QC");
  assert.equal(quebec.get(day("2026-06-24")), "Quebec's National Holiday");
  assert.match(quebec.get(day("2026-04-06")), /^Easter Monday, if your organization/); // the host's choice
  assert.equal(holidaysIn(holidays, "NL").get(day("2026-07-01")), "Canada Day and Memorial Day");
  // The federally regulated private sector: the Canada Labour Code's holidays, not a province's.
  const federal = holidaysIn(holidays, plan({ province: "FED" }).values.province);
  assert.equal(federal.get(day("2026-09-30")), "National Day for Truth and Reconciliation");
  assert.equal(federal.get(day("2026-11-11")), "Remembrance Day");
  assert.equal(federal.get(day("2026-02-16")), undefined); // Family Day: provincial only
  assert.equal(federal.get(day("2026-08-03")), undefined); // the August civic holidays too
  assert.equal(holidaysIn(holidays, "").size, 0);
  assert.equal(holidaysIn(null, "ON").size, 0); // not loaded (yet): nothing flagged
  // A province the data does not know (an edited link) is dropped, like any unknown choice.
  assert.equal(plan({ province: "XX" }).values.province, "");
  assert.equal(plan({}).values.province, "");
});

test("public holidays: the plan's years the data does not cover are named once each", () => {
  const covered = plan({ start: "2026-09-08", end: "2026-12-18" });
  assert.deepEqual(yearsWithoutHolidays(covered.meetings, holidays), []);
  const later = plan({ start: "2029-09-04", end: "2030-12-20" }); // the fixture stops at 2029
  // 2030, and 2031 for the follow-up four weeks after the end.
  assert.deepEqual(yearsWithoutHolidays(later.meetings, holidays), [2030, 2031]);
});

const onDay = (p, date) => p.meetings.filter((m) => m.date === date).map((m) => m.kind);
const movedFrom = (p, date) => p.meetings.filter((m) => m.date === date).map((m) => m.movedFrom && isoDate(m.movedFrom));
const mondays = { province: "ON", start: "2026-08-31", end: "2026-12-11", weekday: "1", cadence: "weekly" };

test("public holidays: a meeting moves to the next working day without a meeting, and keeps its number", () => {
  const moved = buildPlan({ ...base, ...mondays }, data, holidays);
  assert.deepEqual(onDay(moved, "2026-10-12"), []); // Thanksgiving in Ontario
  assert.deepEqual(onDay(moved, "2026-10-13"), ["check-in"]);
  assert.deepEqual(movedFrom(moved, "2026-10-13"), ["2026-10-12"]);
  assert.deepEqual(moved.meetings.filter((m) => m.movedFrom !== undefined).map((m) => m.date), ["2026-10-13"]);
  const ids = kinds(moved, "check-in").map((m) => m.id);
  assert.deepEqual(ids, ids.map((_, i) => `check-in-${i + 1}`)); // in date order: a re-import updates the same events
  // Kept where the reader unchecked the box, chose no province, or the holidays are not loaded yet.
  for (const [extra, given] of [[{ avoid: "no" }, holidays], [{ province: "" }, holidays], [{}, undefined]]) {
    const kept = buildPlan({ ...base, ...mondays, ...extra }, data, given);
    assert.deepEqual(onDay(kept, "2026-10-12"), ["check-in"], JSON.stringify(extra));
    assert.ok(kept.meetings.every((m) => m.movedFrom === undefined));
  }
});

test("public holidays: a placement starting on one begins the next day, without that day's touchpoint", () => {
  const p = buildPlan({ ...base, province: "ON", start: "2026-09-07", end: "2026-12-18", weekday: "1" }, data, holidays); // Labour Day
  assert.deepEqual(onDay(p, "2026-09-07"), []);
  assert.deepEqual(onDay(p, "2026-09-08"), ["first-day"]);
  assert.deepEqual(movedFrom(p, "2026-09-08"), ["2026-09-07"]);
  assert.deepEqual(["2026-09-09", "2026-09-10", "2026-09-11"].map((d) => onDay(p, d)), [["touchpoint"], ["touchpoint"], ["expectations"]]);
});

test("public holidays: getting ready and the exit conversation move to the working day before", () => {
  const ready = buildPlan({ ...base, province: "ON", start: "2026-10-26", end: "2027-02-26", weekday: "1" }, data, holidays);
  assert.deepEqual(kinds(ready, "preparation").map((m) => [m.date, isoDate(m.movedFrom)]), [["2026-10-09", "2026-10-12"]]);
  const exit = buildPlan({ ...base, province: "ON", start: "2026-06-01", end: "2026-10-13", weekday: "1" }, data, holidays);
  assert.deepEqual(kinds(exit, "exit").map((m) => [m.date, isoDate(m.movedFrom)]), [["2026-10-09", "2026-10-12"]]);
  // Quebec: June 24 and July 1, 2027 are Thursdays.
  const quebec = buildPlan({ ...base, province: "QC", start: "2027-05-03", end: "2027-08-13", weekday: "4", cadence: "weekly" }, data, holidays);
  assert.deepEqual([...onDay(quebec, "2027-06-24"), ...onDay(quebec, "2027-07-01")], []);
  assert.deepEqual(movedFrom(quebec, "2027-07-02"), ["2027-07-01"]);
});

test("a date the reader entered stays on a public holiday, and the computed review comes the week before it", () => {
  for (const given of [holidays, undefined]) {
    const p = buildPlan({ ...base, ...mondays, final: "2026-10-12" }, data, given);
    assert.deepEqual(onDay(p, "2026-10-12"), ["final-evaluation"]);
    assert.equal(kinds(p, "final-evaluation")[0].movedFrom, undefined);
    assert.deepEqual(kinds(p, "mid-review").map((m) => m.date), ["2026-10-05"]); // not on the evaluation's day
  }
});

test("public holidays: what a meeting says of the one it was moved from, falls on, or was entered on", () => {
  const names = { province: "Ontario", date: (d) => `<${isoDate(d)}>` };
  const note = (extra, date) => {
    const p = buildPlan({ ...base, ...mondays, ...extra }, data, holidays);
    return p.meetings.filter((m) => m.date === date).map((m) => holidayNote(m, p, holidaysIn(holidays, "ON"), data.strings, names));
  };
  assert.deepEqual(note({}, "2026-10-13"), ["Moved from <2026-10-12>, a public holiday (Ontario): Thanksgiving."]);
  assert.deepEqual(note({ avoid: "no" }, "2026-10-12"), ["Public holiday (Ontario): Thanksgiving. Keep this date if you and your student are both working that day. "
    + "If not, move it in your calendar, or check “Move meetings that fall on a public holiday to another working day” in the planner and update the schedule."]);
  // A date the reader entered: the box never moves it, so the note does not send them to the box.
  for (const avoid of ["yes", "no"]) {
    assert.deepEqual(note({ avoid, final: "2026-10-12" }, "2026-10-12"), ["Public holiday (Ontario): Thanksgiving. You entered this date: "
      + "change it in the planner if you or your student will not be working that day."], avoid);
  }
  assert.deepEqual(note({}, "2026-10-19"), [""]);
});

test("public holidays, in every province and under the Canada Labour Code over two years: moving meetings loses none and breaks no rule of the plan", () => {
  const problems = [];
  let plans = 0, combinations = 0;
  for (const province of Object.keys(holidays.days)) for (let start = parseDate("2026-01-02"); start < parseDate("2028-01-01"); start += 10) {
    for (const weeks of [2, 4, 14, 30]) for (const weekday of ["1", "5"]) for (const [cadence, preference, format] of
      [["recommended", "more", "remote"], ["weekly", "as-recommended", "hybrid"], ["recommended", "fewer", "on-site"]]) {
      const input = { ...base, province, start: isoDate(start), end: isoDate(start + weeks * 7 - 1), weekday, cadence, preference, format };
      const kept = buildPlan(input, data), moved = buildPlan(input, data, holidays);
      combinations++;
      const say = (problem) => problems.push(`${JSON.stringify(input)}: ${problem}`);
      if (kept.errors.length) continue;
      plans++;
      if (moved.errors.length) { say("no plan"); continue; }
      const off = holidaysIn(holidays, province), count = (p) => kinds(p, "check-in").length;
      for (const m of moved.meetings) if (off.has(m.day)) say(`${m.kind} on ${m.date}, a holiday`);
      if (count(moved) !== count(kept)) say(`${count(moved)} check-ins instead of ${count(kept)}`);
      const days = moved.meetings.map((m) => m.day), shared = days.filter((d, i) => days.indexOf(d) !== i);
      for (const d of shared) if (onDay(moved, isoDate(d)).join() !== "final-evaluation,exit") say(`${onDay(moved, isoDate(d))} on ${isoDate(d)}`);
      const day = (kind) => kinds(moved, kind)[0]?.day, review = day("mid-review") ?? day("informal-review");
      if (!(day("expectations") < review && review < day("final-evaluation") && day("final-evaluation") <= day("exit"))) say("out of order");
      for (const m of moved.meetings) if (!["preparation", "follow-up"].includes(m.kind) && (m.day < start || m.day > start + weeks * 7 - 1)) say(`${m.kind} on ${m.date}, outside the placement`);
      const ids = kinds(moved, "check-in").map((m) => m.id);
      if (ids.some((id, i) => id !== `check-in-${i + 1}`)) say("check-ins numbered out of date order");
    }
  }
  assert.deepEqual(problems.slice(0, 5), []);
  // Short placements with weekly check-ins are refused (no week left between the milestones): the rest is most.
  // 14 lists: the 13 provinces and territories and the Canada Labour Code's.
  assert.ok(combinations === 14 * 73 * 4 * 2 * 3 && plans > combinations * 0.75, `${plans} plans of ${combinations}`);
});

test("public holidays: before a final evaluation the reader entered, the review moves back, or stays when no day is left", () => {
  const names = { province: "Ontario", date: (d) => `<${isoDate(d)}>` };
  const entered = { ...base, province: "ON", weekday: "1", final: "2026-10-13", end: "2026-11-01" }; // Thanksgiving: October 12
  const six = buildPlan({ ...entered, start: "2026-09-21" }, data, holidays);
  assert.deepEqual(kinds(six, "informal-review").map((m) => [m.date, isoDate(m.movedFrom)]), [["2026-10-09", "2026-10-12"]]);
  const four = buildPlan({ ...entered, start: "2026-10-05" }, data, holidays); // week one ends on Friday the 9th
  const [review] = kinds(four, "informal-review");
  assert.equal(review.date, "2026-10-12");
  assert.equal(holidayNote(review, four, holidaysIn(holidays, "ON"), data.strings, names), "Public holiday (Ontario): Thanksgiving. This meeting could not be moved: "
    + "no working day is free between the first week and the final evaluation date you entered. Keep this date if you and your student are "
    + "both working that day. If not, move it in your calendar, or change the final evaluation date in the planner.");
});
