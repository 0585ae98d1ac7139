import pg from 'pg';

/**
 * Rows read as the text PostgreSQL sends (`types: PG_TEXT` on a query): no value is turned into a
 * `Date` or an array only to be turned back into text for the response. A repository that uses it
 * converts each column itself, with the helpers below.
 */
export const PG_TEXT = { getTypeParser: () => (value: string) => value } as const;

const TIMESTAMPTZ_OID = 1184;
// text[]: pg-types names no array types, but parses them.
const TEXT_ARRAY_OID = 1009;
const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ_OID) as (text: string) => Date;
const parseTextArray = pg.types.getTypeParser(TEXT_ARRAY_OID as typeof pg.types.builtins.TEXT) as (
  text: string,
) => string[];

/**
 * A `timestamptz` as PostgreSQL writes it in the ISO date style (`2026-11-29 07:55:42.033+00`),
 * as the services answer it: ISO 8601 UTC with milliseconds (`2026-11-29T07:55:42.033Z`). Digits
 * beyond the millisecond are cut, as `Date` cuts them. A session in another time zone, or a year
 * beyond 9999, takes the slower road through `Date`.
 */
export function isoFromPgTimestamp(text: string): string {
  if (text.length >= 22 && text.length <= 29 && text.charCodeAt(10) === 32 && text.endsWith('+00')) {
    const fraction = text.charCodeAt(19) === 46 ? text.slice(20, text.length - 3) : '';
    const millis = fraction.length >= 3 ? fraction.slice(0, 3) : fraction.padEnd(3, '0');
    return `${text.slice(0, 10)}T${text.slice(11, 19)}.${millis}Z`;
  }
  return parseTimestamptz(text).toISOString();
}

/**
 * A `text[]` of plain words (`{google-ads,meta-ads}`, a vocabulary's values) split without a
 * parser; anything quoted, escaped or NULL goes through pg's array parser.
 */
export function textArrayFromPg(text: string): string[] {
  if (text === '{}') return [];
  if (/["\\{}]|NULL/.test(text.slice(1, -1))) return parseTextArray(text);
  return text.slice(1, -1).split(',');
}
