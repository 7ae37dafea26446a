// Unit tests of the .ics export: node --test tests/js/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { buildPlan } from "../../docs/assets/javascripts/planner/schedule.js";
import { buildCalendar, escapeText, fold, hash, localStamp, offsetMinutes, transitions, vtimezone }
  from "../../docs/assets/javascripts/planner/ics.js";

const data = JSON.parse(readFileSync(new URL("./plan-data.en.json", import.meta.url)));
const octets = (text) => Buffer.byteLength(text, "utf8");
const input = {
  start: "2026-09-08", end: "2026-12-18", weeks: "", format: "on-site", cadence: "recommended",
  preference: "as-recommended", weekday: "2", time: "10:00", duration: "30", followup: "yes",
};
const calendar = (options = {}) => buildCalendar(buildPlan(input, data), data, {
  timeZone: "America/Toronto", now: Date.UTC(2026, 7, 1, 12), resolve: (href) => new URL(href, "https://example.org/guide/toolkit/planner/").href,
  student: "Zoé", mentor: "Sam", place: "Room 2; 3rd floor, east", ...options,
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
  assert.notDeepEqual(calendar({ student: "Noah" }).match(/^UID:.*$/gm), uids);
  // FNV-1a over code points, from two seeds: the published 32-bit FNV-1a vectors ("a" ->
  // e40c292c, "foobar" -> bf9cf968) for the first half; the second computed apart in Python.
  assert.equal(hash("a"), "e40c292c" + "85030ff6");
  assert.equal(hash("foobar"), "bf9cf968" + "1e622b02");
  assert.equal(hash("é😀"), "58b0d90c8abcd50a");
  const unfolded = text.replace(/\r\n /g, "");
  assert.match(unfolded, /https:\/\/example\.org\/guide\/practices\/check-in\/#what-to-do/);
});
