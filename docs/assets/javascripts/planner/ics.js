// iCalendar (RFC 5545) export, pure (browser and node). Times are local wall-clock times with the
// plan's IANA zone as TZID, plus a VTIMEZONE with that zone's offsets and clock changes over the
// placement, read from the browser's own zone data (Intl). Apps that know the zone use their rules,
// the others the VTIMEZONE: 10:00 stays 10:00 across the November change, and someone in another
// zone sees the right time. Floating times would be wrong across zones; UTC loses the wall time.
// The zone is the plan's own (chosen in the form, carried by the share link), not the reader's.
//
// Importing again: each plan has a random id, kept in its link and in this browser, so two plans
// never share UIDs and an edited plan keeps them (a meeting's UID is the plan id and its place in
// the plan: the 5th check-in stays the 5th). SEQUENCE counts seconds since 2025, so each download
// carries a higher revision than the last: per RFC 5545, a calendar that matches UIDs updates the
// event rather than adding a copy. Not every calendar app does; and meetings a new version no
// longer has are not removed (METHOD:PUBLISH cannot cancel). The planner page says both.

import { DAY, fill, isolate, isoDate, meetingLinks, withLine } from "./schedule.js";

const CRLF = "\r\n";

export const escapeText = (text) =>
  String(text)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\\;,]/g, (c) => "\\" + c)
    .replace(/\n/g, "\\n");

const octets = (ch) => { const c = ch.codePointAt(0); return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; };

/** Fold a line into lines of at most 75 octets, never inside a UTF-8 character. */
export function fold(line) {
  let out = "";
  let size = 0;
  for (const ch of line) {
    const n = octets(ch);
    if (size + n > 75) { out += CRLF + " "; size = 1; }
    out += ch;
    size += n;
  }
  return out;
}

/** Short stable hash (FNV-1a, two seeds): the same plan keeps the same UIDs. */
export function hash(text) {
  let out = "";
  for (const seed of [0x811c9dc5, 0x01000193]) {
    let h = seed;
    for (const ch of text) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out;
}

const formatters = {};
/** UTC offset of a zone at an instant, in minutes (east positive), from Intl's zone data. */
export function offsetMinutes(timeZone, ms) {
  const f = (formatters[timeZone] ||= new Intl.DateTimeFormat("en-US", {
    timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
    hour: "numeric", minute: "numeric", second: "numeric",
  }));
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return Math.round((Date.UTC(+p.year, p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - ms) / 60000);
}

/** Offset changes between two instants: [{at (ms), from, to}] (minutes). */
export function transitions(timeZone, fromMs, toMs) {
  const found = [];
  let previous = offsetMinutes(timeZone, fromMs);
  for (let t = fromMs + DAY; t <= toMs; t += DAY) {
    const offset = offsetMinutes(timeZone, t);
    if (offset === previous) continue;
    let [lo, hi] = [t - DAY, t];
    while (hi - lo > 60000) {
      const mid = lo + Math.floor((hi - lo) / 120000) * 60000;
      if (offsetMinutes(timeZone, mid) === previous) lo = mid; else hi = mid;
    }
    found.push({ at: hi, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

const pad = (n, w = 2) => String(n).padStart(w, "0");
const utcStamp = (ms) => new Date(ms).toISOString().replace(/[-:]/g, "").slice(0, 15) + "Z";
const offsetText = (m) => (m < 0 ? "-" : "+") + pad(Math.floor(Math.abs(m) / 60)) + pad(Math.abs(m) % 60);
/** Local date-time "YYYYMMDDTHHMMSS" for a day and minutes after midnight (may pass midnight). */
export const localStamp = (day, minutes) =>
  isoDate(day + Math.floor(minutes / 1440)).replace(/-/g, "") + "T" + pad(Math.floor((minutes % 1440) / 60)) + pad(minutes % 60) + "00";

/** VTIMEZONE lines covering the days [fromDay, toDay] of a zone. */
export function vtimezone(timeZone, fromDay, toDay) {
  const fromMs = fromDay * DAY;
  const changes = transitions(timeZone, fromMs, toDay * DAY + DAY);
  const first = offsetMinutes(timeZone, fromMs);
  const years = new Set([fromDay, toDay].map((d) => new Date(d * DAY).getUTCFullYear()));
  const samples = [first, ...changes.map((c) => c.to)];
  for (const y of years) samples.push(offsetMinutes(timeZone, Date.UTC(y, 0, 1)), offsetMinutes(timeZone, Date.UTC(y, 6, 1)));
  const standard = Math.min(...samples);
  const observance = (ms, from, to) => {
    const kind = to > standard ? "DAYLIGHT" : "STANDARD";
    const local = ms + from * 60000; // the moment of change, on the clock before it
    return [`BEGIN:${kind}`, `DTSTART:${utcStamp(local).slice(0, 15)}`,
      `TZOFFSETFROM:${offsetText(from)}`, `TZOFFSETTO:${offsetText(to)}`, `END:${kind}`];
  };
  return [
    "BEGIN:VTIMEZONE", `TZID:${timeZone}`,
    ...observance(fromMs, first, first),
    ...changes.flatMap((c) => observance(c.at, c.from, c.to)),
    "END:VTIMEZONE",
  ];
}

/**
 * The .ics text for a plan.
 * options: {timeZone, now (ms), resolve (href -> absolute URL), planId, student, mentor, place}
 */
export function buildCalendar(plan, data, options) {
  const s = data.strings;
  const { timeZone, now, resolve } = options;
  const [student, mentor, place] = [options.student, options.mentor, options.place].map((t) => (t || "").trim());
  const planId = options.planId || hash([isoDate(plan.values.start), student, mentor].join("|"));
  const days = plan.meetings.map((m) => m.day);
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0",
    `PRODID:-//WIL mentoring guide//Check-in planner//${data.lang.toUpperCase()}`,
    "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(s.calendar_name)}`, `X-WR-TIMEZONE:${timeZone}`,
    ...vtimezone(timeZone, Math.min(...days) - 1, Math.max(...days) + 2),
  ];
  for (const meeting of plan.meetings) {
    const kind = data.meetings[meeting.kind];
    const who = withLine(kind, s, student, mentor);
    const description = [];
    if (who) description.push(who, "");
    if (!kind.withStudent) description.push(s.supervisor_only, "");
    description.push(s.agenda_label, ...meeting.prompts.map((p) => `- ${p}`), "");
    for (const [text, href] of meetingLinks(kind, s)) description.push(text, resolve(href));
    const summary = student && kind.withStudent ? fill(s.event_title, { meeting: kind.name, student: isolate(student) }) : kind.name;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${planId}-${meeting.id}@wil-check-in-planner`,
      `DTSTAMP:${utcStamp(now)}`,
      `SEQUENCE:${Math.floor((now - 1735689600000) / 1000)}`,
      `DTSTART;TZID=${timeZone}:${localStamp(meeting.day, meeting.time)}`,
      `DURATION:PT${meeting.length}M`,
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description.join("\n"))}`,
      ...(place ? [`LOCATION:${escapeText(isolate(place))}`] : []),
      ...(kind.checklist.href ? [`URL:${resolve(kind.checklist.href)}`] : []),
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(fold).join(CRLF) + CRLF;
}
