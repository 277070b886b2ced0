/** A located problem in a data file. Every check reports these; formatters print them. */
export interface Problem {
  /** Path of the file relative to the working directory (or as given), with forward slashes. */
  file: string;
  /** 1-based line and column; 0 when the problem concerns the file as a whole and no position exists. */
  line: number;
  col: number;
  /** Name of the rule that found the problem (a module under src/checks or a loader rule). */
  rule: string;
  message: string;
}

/** A problem not yet located: a JSON path inside a record, resolved to line:col later. */
export interface PathProblem {
  file: string;
  path: readonly (string | number)[];
  /** Point at the key of the last path segment instead of its value. */
  at?: 'key' | 'value';
  rule: string;
  message: string;
}

export const compareProblems = (a: Problem, b: Problem): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
