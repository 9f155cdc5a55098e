/**
 * The bounds of a bibliography import, apart from the parsers so the app's start (the Library's
 * import button checks a file's size before a worker reads it) loads none of them.
 */

/** Largest bibliography file read: a library of 50,000 entries with abstracts stays well below. */
export const MAX_BIBLIOGRAPHY_BYTES = 32 * 1024 * 1024;
/** Most entries one file may hold. */
export const MAX_BIBLIOGRAPHY_ENTRIES = 50_000;
