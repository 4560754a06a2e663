import { datelineVocab } from '../vocab/article-vocab';

/**
 * The day an article's event happened, from its dateline and the issue it was printed in. Only
 * exact forms resolve: a month and day (the year as printed, else the issue's, or the one before
 * for a December dateline in a January issue; a range's first day), a day alone (the issue's month,
 * or the one before), or a relative day word (昨日 = the day before the issue). Lunar dates, vague
 * words (日前, 近日) and a missing issue date leave it unknown rather than guessed.
 */

/** A month and day, or the first day of a range (`7月11日至13日`): the event began then. */
const MONTH_DAY = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号](?:[至到—\-－~～].*)?$/u;
/** A day without its month is the issue's month, or the month before for a day after the issue's. */
const DAY_ONLY = /^(\d{1,2})[日号]$/u;
/** A dateline more than this many months after the issue date is from the previous year. */
const MAX_MONTHS_AHEAD = 1;

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function parseIsoDate(issueDate: string): { year: number; month: number; day: number } {
  const [year, month, day] = issueDate.split('-').map(Number);
  return { year, month, day };
}

export function resolveEventDate(dateline: string | null, issueDate: string | null): string | null {
  if (dateline === null || issueDate === null) return null;
  const issue = parseIsoDate(issueDate);

  const offset = datelineVocab.relativeDays[dateline];
  if (offset !== undefined) {
    const date = new Date(Date.UTC(issue.year, issue.month - 1, issue.day + offset));
    return date.toISOString().slice(0, 10);
  }

  const dayOnly = DAY_ONLY.exec(dateline);
  if (dayOnly) {
    const day = Number(dayOnly[1]);
    const monthsBack = day > issue.day ? 1 : 0;
    const month = new Date(Date.UTC(issue.year, issue.month - 1 - monthsBack, 1));
    return isoDate(month.getUTCFullYear(), month.getUTCMonth() + 1, day);
  }

  const monthDay = MONTH_DAY.exec(dateline);
  if (!monthDay) return null;
  const [, printedYear, month, day] = monthDay;
  const guessedYear = Number(month) > issue.month + MAX_MONTHS_AHEAD ? issue.year - 1 : issue.year;
  return isoDate(printedYear ? Number(printedYear) : guessedYear, Number(month), Number(day));
}
