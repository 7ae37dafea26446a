// A check-in lists its whole agenda every time, in the checklist's order, as the guide says ("Use
// the same agenda every time"); the daily touchpoints of the first weeks still take turns.
// The expected agenda is the checklist a reader sees (docs/en/toolkit/check-in-agenda.md, its
// "- [ ]" lines), not the planner's own data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { buildPlan } from "../../docs/assets/javascripts/planner/schedule.js";
import { buildCalendar } from "../../docs/assets/javascripts/planner/ics.js";

const data = JSON.parse(readFileSync(new URL("./plan-data.en.json", import.meta.url)));
const checklist = readFileSync(new URL("../../docs/en/toolkit/check-in-agenda.md", import.meta.url), "utf8");
const agenda = [...checklist.matchAll(/^- \[ \] (.*?)(?: \{ #[\w-]+ \})?$/gm)].map((m) => m[1]);
const base = {
  start: "2026-09-08", end: "2026-12-18", weeks: "", format: "on-site", cadence: "recommended",
  preference: "as-recommended", weekday: "2", time: "10:00", duration: "30", followup: "yes",
};
const plans = {
  "15 weeks on site": { ...base },
  "16 months, remote": { ...base, start: "2026-05-04", end: "2027-08-27", format: "remote" },
  "6 weeks, twice a week": { ...base, end: "", weeks: "6" },
};
const kinds = (plan, kind) => plan.meetings.filter((m) => m.kind === kind);

test("the checklist read for these tests has the regular check-in's ten items", () => {
  assert.equal(agenda.length, 10, agenda.join(" | "));
  assert.ok(agenda.some((item) => item.startsWith("Trade feedback both ways")));
});

for (const [name, input] of Object.entries(plans)) {
  test(`${name}: every check-in lists the whole checklist, in its order`, () => {
    const checkIns = kinds(buildPlan(input, data), "check-in");
    assert.ok(checkIns.length >= 4, `${checkIns.length} check-ins`);
    for (const m of checkIns) assert.deepEqual(m.prompts, agenda, m.id);
  });
}

test("the calendar's check-in invitations list the whole agenda too", () => {
  const plan = buildPlan(base, data);
  const text = buildCalendar(plan, data, { timeZone: "America/Toronto", now: 0, resolve: (href) => href, planId: "p1" });
  const events = text.replace(/\r\n /g, "").split("BEGIN:VEVENT").slice(1).filter((e) => /^UID:p1-check-in-\d+@/m.test(e));
  assert.equal(events.length, kinds(plan, "check-in").length);
  // The description escapes commas and semicolons (RFC 5545) and runs the lines together with \n.
  const listed = agenda.map((item) => `\\n- ${item.replace(/[\\;,]/g, (c) => "\\" + c)}`).join("") + "\\n";
  for (const event of events) assert.ok(event.includes(listed), event);
});

test("the daily touchpoints of the first weeks still take turns through their checklist section", () => {
  const touchpoints = kinds(buildPlan(plans["16 months, remote"], data), "touchpoint");
  assert.ok(touchpoints.length >= 5, `${touchpoints.length} touchpoints`);
  const pool = new Set(touchpoints.flatMap((m) => m.prompts));
  for (const m of touchpoints) assert.ok(m.prompts.length >= 3 && m.prompts.length < pool.size, `${m.id}: ${m.prompts.length} of ${pool.size}`);
  for (let i = 1; i < touchpoints.length; i++) assert.notDeepEqual(touchpoints[i].prompts, touchpoints[i - 1].prompts, touchpoints[i].id);
});
