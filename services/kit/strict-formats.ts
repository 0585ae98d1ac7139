import type { Ajv } from 'ajv';

/**
 * Dates and times every store the services use can hold: years 0001 to 9999 (PostgreSQL rejects
 * year 0000, MySQL DATETIME stops at 9999), real calendar days, and no leap second (`23:59:60`,
 * which RFC 3339 allows but neither PostgreSQL nor MySQL stores).
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|[+-](\d{2}):(\d{2}))$/;

const EARLIEST = Date.parse('0001-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');

function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

export function isStrictDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && isCalendarDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function isStrictDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  if (!match) return false;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, offsetHours = 0, offsetMinutes = 0] =
    match.slice(1).map((part) => Number(part ?? 0));
  if (!isCalendarDay(year, month, day)) return false;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return false;
  // The instant, once in UTC, must stay within the years the stores hold too.
  const instant = Date.parse(value);
  return instant >= EARLIEST && instant <= LATEST;
}

/** Replaces ajv-formats' `date` and `date-time` with the strict ones above. */
export function addStrictDateFormats(ajv: Ajv): void {
  ajv.addFormat('date', { type: 'string', validate: isStrictDate });
  ajv.addFormat('date-time', { type: 'string', validate: isStrictDateTime });
}
