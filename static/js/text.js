// Reading a text: filling sentence patterns, taking out what carries numbers
// that are not close codes, and cutting it into words. Shared by the lookup
// and the protocols' part of it.

/** Fills `{name}` placeholders in one pass: a value is never read again. */
export function fill(pattern, values) {
  return String(pattern).replace(/\{(\w+)\}/g, (m, k) => (Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m));
}

/**
 * The text without what carries numbers that are not close codes: URLs,
 * addresses and ports, quoted names, source locations (`_ssl.c:1006`,
 * `foo.js:1008:12`, `line 1008`), dates and times, versions, hex numbers.
 */
export function withoutNoise(text) {
  return String(text)
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, " ")
    .replace(/'[^']*'/g, " ")
    .replace(/\[?(?:\d{1,3}\.){3}\d{1,3}\]?(?::\d+)?/g, " ")
    .replace(/\[[0-9a-f:]*:[0-9a-f:]*\](?::\d+)?/gi, " ")
    .replace(/\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/g, " ")
    .replace(/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, " ")
    .replace(/[\w./\\-]*:\d+:\d+\b/g, " ")
    .replace(/[\w-]+\.[a-z]{1,4}:\d+/gi, " ")
    .replace(/\bline:? \d+/gi, " ")
    .replace(/\bv\d+(?:\.\d+)+\b|\b\d+\.\d+\.\d+(?:\.\d+)*\b/gi, " ")
    .replace(/\b0x[0-9a-f]+\b/gi, " ")
    .replace(/\b(?:port|pid):? ?\d+/gi, " ");
}

/**
 * Lower-case words of a text; CamelCase and snake_case are split, so
 * PolicyViolation, POLICY_VIOLATION and "policy violation" read alike.
 */
export function words(text) {
  return String(text)
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^0-9a-z\u3131-\u318e\uac00-\ud7a3]+/)
    .filter((w) => w.length > 1 && !/^\d+$/.test(w));
}

/** Words and numbers, for matching whole known log lines. */
export function tokens(text) {
  return String(text)
    .toLowerCase()
    .split(/[^0-9a-z\u3131-\u318e\uac00-\ud7a3]+/)
    .filter((w) => w.length > 1);
}
