/**
 * The slice of citation-js that app/export/citation-js.ts uses. The packages ship no types; the
 * rest of Lectern reaches citation-js only through that wrapper.
 */
declare module '@citation-js/core' {
  /** A named store of values (styles, locales, templates). */
  export interface CitationJsRegister<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
    get(name: string): T | undefined;
  }

  /** Options of the input chain that turns some representation into CSL-JSON. */
  export interface ChainOptions {
    /** Skip type sniffing, so a string is never mistaken for a URL or DOI to fetch. */
    forceType?: string;
    /** Keeps `_graph` (the parse history) on each item when true. */
    generateGraph?: boolean;
    /** Throws on parse failure when true, returns [] when false. */
    strict?: boolean;
  }

  export const plugins: {
    input: {
      chain(input: unknown, options?: ChainOptions): unknown[];
      /** One parsing step of a given input type (e.g. RIS text to RIS records). */
      data(input: unknown, type: string): unknown;
    };
    output: { format(name: string, data: unknown[], options?: Record<string, unknown>): unknown };
    config: { get(ref: string): unknown };
  };
}

declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
