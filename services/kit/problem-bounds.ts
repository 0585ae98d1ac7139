import type { ProblemDetails } from './problem.js';

/** At most this many field errors are listed; `moreErrors` counts the rest. */
export const MAX_LISTED_ERRORS = 20;
/** Longest text a problem carries in any one string (detail, field, message); longer text is cut. */
export const MAX_PROBLEM_TEXT = 500;

const cut = (value: unknown) =>
  typeof value === 'string' && value.length > MAX_PROBLEM_TEXT
    ? `${value.slice(0, MAX_PROBLEM_TEXT - 1)}…`
    : value;

function boundEntry(entry: unknown): unknown {
  if (typeof entry !== 'object' || entry === null) return cut(entry);
  return Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, cut(value)]));
}

/**
 * Bounds a problem body whatever the request was: the first `MAX_LISTED_ERRORS` errors and the
 * count of the rest, every string at most `MAX_PROBLEM_TEXT` characters. With it an error body is
 * at most some 25 KB however many fields a request got wrong.
 */
export function boundProblem(problem: ProblemDetails): ProblemDetails {
  const bounded: ProblemDetails = { ...problem };
  for (const [key, value] of Object.entries(problem)) {
    if (typeof value === 'string') bounded[key] = cut(value);
  }
  const { errors } = problem;
  if (Array.isArray(errors)) {
    bounded.errors = errors.slice(0, MAX_LISTED_ERRORS).map(boundEntry);
    if (errors.length > MAX_LISTED_ERRORS) bounded.moreErrors = errors.length - MAX_LISTED_ERRORS;
  }
  return bounded;
}
