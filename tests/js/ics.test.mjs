// Unit tests of the .ics export: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { buildPlan, offsetMinutes } from "../../docs/assets/javascripts/planner/schedule.js";
import { buildCalendar, escapeText, fold, localStamp, transitions, vtimezone }
  from "../../docs/assets/javascripts/planner/ics.js";

const data = JSON.parse(readFileSync(new URL("./plan-data.en.json", import.meta.url)));
const holidays = JSON.parse(readFileSync(new URL("./holidays.en.json", import.meta.url)));
const octets = (text) => Buffer.byteLength(text, "utf8");
const input = {
  start: "2026-09-08", end: "2026-12-18", weeks: "", format: "on-site", cadence: "recommended",
  preference: "as-recommended", weekday: "2", time: "10:00", duration: "30", followup: "yes",
};
const calendar = (options = {}) => buildCalendar(buildPlan(input, data), data, {
  timeZone: "America/Toronto", now: Date.UTC(2026, 7, 1, 12), resolve: (href) => new URL(href, "https://example.org/guide/toolkit/planner/").href,
  planId: "k3v9x0aa", student: "Zoé", mentor: "Sam", place: "Room 2; 3rd floor, east", ...options,
});

test("text values escape backslashes, semicolons, commas and newlines", () => {
  assert.equal(escapeText("a\\b;c,d\ne\r\nf"), "a\\\\b\\;c\\,d\\ne\\nf");
  assert.equal(escapeText("bell\u0007"), "bell");
});

test("folding keeps lines within 75 octets and never splits a character", () => {
  const line = "DESCRIPTION:" + "é😀a".repeat(60);
  const folded = fold(line);
  const lines = folded.split("\r\n");
  assert.ok(lines.length > 1);
  for (const part of lines) assert.ok(octets(part) <= 75, `${octets(part)} octets`);
  assert.equal(lines.map((l, i) => (i ? l.slice(1) : l)).join(""), line);
  assert.ok(lines.slice(1).every((l) => l.startsWith(" ")));
  assert.equal(fold("SHORT:line"), "SHORT:line");
});

test("Toronto's November change is found to the minute", () => {
  const [change] = transitions("America/Toronto", Date.UTC(2026, 9, 1), Date.UTC(2026, 11, 1));
  assert.deepEqual(change, { at: Date.UTC(2026, 10, 1, 6), from: -240, to: -300 });
  assert.equal(offsetMinutes("Asia/Kolkata", Date.UTC(2026, 0, 1)), 330);
  assert.equal(offsetMinutes("UTC", Date.UTC(2026, 0, 1)), 0);
  assert.equal(offsetMinutes("America/St_Johns", Date.UTC(2026, 0, 1)), -210);
  assert.deepEqual(transitions("America/Regina", Date.UTC(2026, 0, 1), Date.UTC(2026, 11, 31)), []);
});

test("the VTIMEZONE describes daylight time, then standard time from 2 a.m. on November 1", () => {
  const day = (y, m, d) => Date.UTC(y, m - 1, d) / 86400000;
  const lines = vtimezone("America/Toronto", day(2026, 9, 1), day(2026, 12, 31));
  assert.deepEqual(lines.slice(0, 3), ["BEGIN:VTIMEZONE", "TZID:America/Toronto", "BEGIN:DAYLIGHT"]);
  const standard = lines.indexOf("BEGIN:STANDARD");
  assert.deepEqual(lines.slice(standard, standard + 5),
    ["BEGIN:STANDARD", "DTSTART:20261101T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "END:STANDARD"]);
  assert.equal(lines.at(-1), "END:VTIMEZONE");
});

test("local stamps roll past midnight", () => {
  assert.equal(localStamp(0, 10 * 60 + 5), "19700101T100500");
  assert.equal(localStamp(0, 24 * 60 + 30), "19700102T003000");
});

test("the calendar is CRLF text with one event per meeting, local times and stable UIDs", () => {
  const text = calendar();
  assert.ok(text.endsWith("\r\n") && !/[^\r]\n/.test(text));
  const plan = buildPlan(input, data);
  assert.equal(text.match(/^BEGIN:VEVENT$/gm).length, plan.meetings.length);
  assert.equal(text.match(/^DTSTART;TZID=America\/Toronto:\d{8}T100000$/gm).length, plan.meetings.length);
  assert.match(text, /^SUMMARY:Check-in – Zoé$/m);
  assert.match(text, /^LOCATION:Room 2\\; 3rd floor\\, east$/m);
  assert.match(text, /^DTSTAMP:20260801T120000Z$/m);
  const uids = text.match(/^UID:.*$/gm);
  assert.equal(new Set(uids).size, uids.length);
  assert.deepEqual(calendar({ now: Date.now() }).match(/^UID:.*$/gm), uids, "same plan, same UIDs");
  assert.notDeepEqual(calendar({ planId: "p0q1r2ss" }).match(/^UID:.*$/gm), uids);
  // UIDs come from the plan's own id (no hash of its contents any more): the id is in every UID.
  assert.ok(uids.every((uid) => /^UID:[A-Za-z0-9]+-/.test(uid)), uids.join(" "));
  const unfolded = text.replace(/\r\n /g, "");
  assert.match(unfolded, /https:\/\/example\.org\/guide\/practices\/check-in\/#what-to-do/);
});

const uids = (text) => text.match(/^UID:.*$/gm);
const unnamed = { student: "", mentor: "", place: "" };

test("two unnamed plans starting the same day never share UIDs; the same plan keeps them", () => {
  const a = calendar({ ...unnamed, planId: "k3v9x0aa" }), b = calendar({ ...unnamed, planId: "p0q1r2ss" });
  assert.equal(uids(a).filter((uid) => uids(b).includes(uid)).length, 0);
  assert.deepEqual(uids(calendar({ planId: "k3v9x0aa", student: "Noah" })), uids(a), "an edited plan keeps its UIDs");
});

test("each event lasts as long as the guide says that meeting takes; check-ins as long as the reader chose", () => {
  const text = buildCalendar(buildPlan({ ...input, duration: "45" }, data), data, {
    timeZone: "America/Toronto", now: Date.UTC(2026, 7, 1, 12), resolve: (href) => href, planId: "k3v9x0aa", student: "Zoé",
  });
  const lengths = {};
  for (const event of text.replace(/\r\n /g, "").split("BEGIN:VEVENT").slice(1)) {
    const title = event.match(/^SUMMARY:(.*?)( – Zoé)?$/m)[1];
    (lengths[title] ||= new Set()).add(event.match(/^DURATION:(.*)$/m)[1]);
  }
  const expected = {
    "Check-in": "PT45M", // the length chosen in the form
    "Daily touchpoint": "PT15M", // "a short daily touchpoint of 10 to 15 minutes"
    "Expectations conversation": "PT60M", // "Allow an hour"
    "Mid-placement review": "PT60M", // "set aside an hour"
    "Exit conversation": "PT30M", // "Set aside thirty minutes in the final week"
  };
  for (const [title, duration] of Object.entries(expected)) assert.deepEqual([...lengths[title]], [duration], title);
});

test("a UID is the plan's id, the meeting's kind and number, and the planner's name", () => {
  const all = uids(calendar());
  assert.ok(all.every((uid) => /^UID:k3v9x0aa-[a-z-]+-\d+@wil-check-in-planner$/.test(uid)), all.join(" "));
  assert.ok(all.includes("UID:k3v9x0aa-check-in-1@wil-check-in-planner") && all.includes("UID:k3v9x0aa-exit-1@wil-check-in-planner"));
});

test("each download carries a higher SEQUENCE, so a re-import updates the events", () => {
  const sequence = (now) => [...calendar({ now }).matchAll(/^SEQUENCE:(\d+)$/gm)].map((m) => Number(m[1]));
  const first = sequence(Date.UTC(2026, 7, 1, 12)), later = sequence(Date.UTC(2026, 7, 1, 12, 0, 1));
  assert.equal(first.length, buildPlan(input, data).meetings.length);
  assert.ok(later.every((n, i) => n > first[i]) && first.every((n) => n >= 0 && n < 2 ** 31), `${first[0]} < ${later[0]}`);
});

test("the agenda's label is the language's own (French: a no-break space before the colon)", () => {
  const french = { ...data, strings: { ...data.strings, agenda_label: "Ordre du jour\u00a0:" } };
  const text = buildCalendar(buildPlan(input, french), french, { timeZone: "America/Toronto", now: 0, resolve: (h) => h });
  assert.match(text.replace(/\r\n /g, ""), /^DESCRIPTION:Ordre du jour\u00a0:\\n- /m);
  assert.match(calendar().replace(/\r\n /g, ""), /^DESCRIPTION:With Zoé and Sam\\n\\nAgenda:\\n- /m);
});

test("a right-to-left name is isolated in the event title and place", () => {
  const text = calendar({ student: "\u202eAlex", place: "\u05d7\u05d3\u05e8 2" }).replace(/\r\n /g, "");
  assert.match(text, /^SUMMARY:Check-in – \u2068\u202eAlex\u2069$/m);
  assert.match(text, /^LOCATION:\u2068\u05d7\u05d3\u05e8 2\u2069$/m);
});

test("two downloads in the same second still raise SEQUENCE, so a quick edit updates the events", () => {
  const sequence = (text) => Number(text.match(/^SEQUENCE:(\d+)$/m)[1]);
  const first = sequence(calendar({ now: Date.UTC(2027, 0, 5, 9) }));
  const second = sequence(calendar({ now: Date.UTC(2027, 0, 5, 9) + 400 }));
  assert.ok(second > first, `${first} then ${second}`);
  assert.ok(sequence(calendar({ now: Date.UTC(2027, 0, 5, 10) })) >= first + 3600, "later downloads follow the clock");
});

test("a meeting moved off a public holiday, or kept on one, says so first in its description", () => {
  const mondays = { ...input, start: "2026-08-31", end: "2026-12-11", weekday: "1", cadence: "weekly", province: "ON" };
  const names = { province: "Ontario", date: () => "Monday, October 12, 2026" };
  const events = (extra, given = holidays) => buildCalendar(buildPlan({ ...mondays, ...extra }, data, given), data,
    { timeZone: "America/Toronto", now: 0, resolve: (h) => h, planId: "p1", holidays: given, names })
    .replace(/\r\n /g, "").split("BEGIN:VEVENT").slice(1);
  const said = (list) => list.filter((e) => /Public holiday|Moved from/.test(e)).map((e) => /DTSTART;TZID=America\/Toronto:(\d{8})/.exec(e)[1]);
  const moved = events({});
  assert.deepEqual(said(moved), ["20261013"]);
  assert.match(moved.find((e) => e.includes(":20261013T")), /DESCRIPTION:Moved from Monday\\, October 12\\, 2026\\, a public holiday \(Ontario\): Thanksgiving\./);
  const kept = events({ avoid: "no" });
  assert.deepEqual(said(kept), ["20261012"]);
  assert.match(kept.find((e) => e.includes(":20261012T")), /DESCRIPTION:Public holiday \(Ontario\): Thanksgiving\. Keep this date/);
  // Without a province, or before the holidays are loaded, no description mentions a holiday.
  assert.deepEqual(said(events({ province: "" })), []);
  assert.deepEqual(said(events({}, null)), []);
});

