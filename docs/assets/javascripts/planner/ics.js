// iCalendar (RFC 5545), pure. Times on the plan zone's clock (TZID, VTIMEZONE from Intl): 10:00 stays
// 10:00 across clock changes. Re-importing updates events: UID = plan id + meeting, SEQUENCE rises.
import { DAY, fill, holidayNote, holidaysIn, isolate, isoDate, meetingLinks, offsetMinutes, withLine } from "./schedule.js";

const CRLF = "\r\n";

export const escapeText = (text) =>
  String(text)
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[\\;,]/g, "\\$&")
    .replace(/\n/g, "\\n");

const utf8 = new TextEncoder();

/** Fold a line into lines of at most 75 octets, never inside a UTF-8 character. */
export function fold(line) {
  let out = "", size = 0;
  for (const ch of line) {
    const n = utf8.encode(ch).length;
    if (size + n > 75) { out += CRLF + " "; size = 1; }
    out += ch;
    size += n;
  }
  return out;
}

export function transitions(timeZone, fromMs, toMs) {
  const found = [];
  let previous = offsetMinutes(timeZone, fromMs);
  for (let t = fromMs + DAY; t <= toMs; t += DAY) {
    const offset = offsetMinutes(timeZone, t);
    if (offset === previous) continue;
    let at = t - DAY; // then minute by minute: a clock change is rare
    while (offsetMinutes(timeZone, at) === previous) at += 60000;
    found.push({ at, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

const pad = (n) => String(n).padStart(2, "0");
const utcStamp = (ms) => new Date(ms).toISOString().replace(/[-:]/g, "").slice(0, 15) + "Z";
const offsetText = (m) => (m < 0 ? "-" : "+") + pad(Math.floor(Math.abs(m) / 60)) + pad(Math.abs(m) % 60);
export const localStamp = (day, minutes) =>
  isoDate(day + Math.floor(minutes / 1440)).replace(/-/g, "") + "T" + pad(Math.floor((minutes % 1440) / 60)) + pad(minutes % 60) + "00";

export function vtimezone(timeZone, fromDay, toDay) {
  const fromMs = fromDay * DAY;
  const changes = transitions(timeZone, fromMs, toDay * DAY + DAY);
  const first = offsetMinutes(timeZone, fromMs);
  const year = new Date(fromMs).getUTCFullYear(); // January and July: one is standard time
  const standard = Math.min(first, ...changes.map((c) => c.to), ...[0, 6].map((m) => offsetMinutes(timeZone, Date.UTC(year, m, 1))));
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

let lastSequence = 0;

export function buildCalendar(plan, data, options) {
  const s = data.strings;
  const { timeZone, now, resolve, planId, names } = options;
  const onHoliday = holidaysIn(options.holidays, plan.values.province);
  const [student, mentor, place] = [options.student, options.mentor, options.place].map((t) => (t || "").trim());
  const days = plan.meetings.map((m) => m.day);
  const lines = [
    "BEGIN:VCALENDAR", "VERSION:2.0",
    `PRODID:-//WIL mentoring guide//Check-in planner//${data.lang.toUpperCase()}`,
    // CALSCALE left out: GREGORIAN is the default (RFC 5545, 3.7.1). No X-WR-TIMEZONE: every start
    // names its zone (TZID), defined below, which is what calendars read.
    "METHOD:PUBLISH", `X-WR-CALNAME:${escapeText(s.calendar_name)}`,
    ...vtimezone(timeZone, Math.min(...days) - 1, Math.max(...days) + 2),
  ];
  const sequence = lastSequence = Math.max(Math.floor(now / 1000) - 1735689600, lastSequence + 1);
  for (const meeting of plan.meetings) {
    const kind = data.meetings[meeting.kind];
    // A public holiday is said first, as on the page.
    const holiday = holidayNote(meeting, plan, onHoliday, s, names);
    const description = [holiday, withLine(kind, s, student, mentor), kind.withStudent ? "" : s.supervisor_only]
      .filter(Boolean).flatMap((line) => [line, ""]);
    description.push(s.agenda_label, ...meeting.prompts.map((p) => `- ${p}`), "");
    for (const [text, href] of meetingLinks(kind, s)) description.push(text, resolve(href));
    const summary = student && kind.withStudent ? fill(s.event_title, { meeting: kind.name, student: isolate(student) }) : kind.name;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${planId}-${meeting.id}@wil-check-in-planner`,
      `DTSTAMP:${utcStamp(now)}`,
      `SEQUENCE:${sequence}`,
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
