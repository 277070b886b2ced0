/**
 * Work counters of the loader, read by tests to prove that the cost of reporting stays
 * in proportion to the input (issue 13): each counts units of work whose total must grow
 * linearly with the file, never with the file times its number of problems.
 */
export const loaderWork = {
  /** Nodes visited while walking a parsed YAML document (all walks together). */
  nodeVisits: 0,
  /** Mapping entries inspected to find a key (locating problems, duplicate keys). */
  keyLookups: 0,
};

export function resetLoaderWork(): void {
  loaderWork.nodeVisits = 0;
  loaderWork.keyLookups = 0;
}
