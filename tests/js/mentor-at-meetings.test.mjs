// Who the page and the calendar file say a meeting is with: node --test tests/js/
// The guide keeps the mentor out of evaluations (roles.md#who-does-what: "Evaluations
// (mid-placement and final)", Mentor "—"; "The supervisor writes the evaluation. The mentor can
// lead the exit conversation"). The expected lines are the words a reader sees, with the names
// typed into the form.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { buildPlan, withLine } from "../../docs/assets/javascripts/planner/schedule.js";
import { buildCalendar } from "../../docs/assets/javascripts/planner/ics.js";

const data = JSON.parse(readFileSync(new URL("./plan-data.en.json", import.meta.url)));
const input = {
  start: "2026-09-08", end: "2026-12-18", weeks: "", format: "on-site", cadence: "recommended",
  preference: "as-recommended", weekday: "2", time: "10:00", duration: "30", followup: "yes",
};
const fifteenWeeks = buildPlan(input, data); // a mid-placement review
const sixWeeks = buildPlan({ ...input, end: "2026-10-16" }, data); // an informal one

/** The "With …" line of each kind of meeting in the plans, as the page shows it. */
function pageLines(student, mentor) {
  const lines = {};
  for (const m of [...fifteenWeeks.meetings, ...sixWeeks.meetings]) {
    (lines[m.kind] ||= new Set()).add(withLine(data.meetings[m.kind], data.strings, student, mentor));
  }
  return lines;
}

test("the plans hold the meetings this file checks", () => {
  const kinds = (plan) => new Set(plan.meetings.map((m) => m.kind));
  for (const kind of ["mid-review", "final-evaluation", "exit", "check-in"]) assert.ok(kinds(fifteenWeeks).has(kind), kind);
  assert.ok(kinds(sixWeeks).has("informal-review"));
});

test("on the page, the evaluations name the student only; the exit conversation and check-ins name the mentor too", () => {
  const lines = pageLines("Alex", "Sam");
  for (const kind of ["final-evaluation", "mid-review", "informal-review"]) assert.deepEqual([...lines[kind]], ["With Alex"], kind);
  for (const kind of ["exit", "check-in"]) assert.deepEqual([...lines[kind]], ["With Alex and Sam"], kind);
});

test("with only the mentor's name typed, an evaluation has no 'With' line; the exit conversation names the mentor", () => {
  const lines = pageLines("", "Sam");
  for (const kind of ["final-evaluation", "mid-review", "informal-review"]) assert.deepEqual([...lines[kind]], [""], kind);
  for (const kind of ["exit", "check-in"]) assert.deepEqual([...lines[kind]], ["With Sam"], kind);
});

/** Each event's first description line, by its UID's meeting ("final-evaluation-1"). */
function calendarLines(plan) {
  const text = buildCalendar(plan, data, {
    timeZone: "America/Toronto", now: Date.UTC(2026, 7, 1, 12), resolve: (href) => href,
    planId: "k3v9x0aa", student: "Zoé", mentor: "Sam", place: "",
  }).replace(/\r\n /g, ""); // unfolded
  const lines = {};
  for (const event of text.split("BEGIN:VEVENT").slice(1)) {
    const id = /^UID:k3v9x0aa-([a-z-]+-\d+)@/m.exec(event)[1];
    lines[id] = /^DESCRIPTION:(.*?)(?:\\n|\r\n)/m.exec(event)[1];
  }
  return lines;
}

test("in the calendar file, the evaluations' descriptions name the student only; the exit conversation's and check-ins' both", () => {
  const lines = { ...calendarLines(fifteenWeeks), ...calendarLines(sixWeeks) };
  assert.equal(lines["final-evaluation-1"], "With Zoé");
  assert.equal(lines["mid-review-1"], "With Zoé");
  assert.equal(lines["informal-review-1"], "With Zoé");
  assert.equal(lines["exit-1"], "With Zoé and Sam");
  assert.equal(lines["check-in-1"], "With Zoé and Sam");
});
