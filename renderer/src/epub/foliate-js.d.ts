// The parts of foliate-js (plain JavaScript) that the EPUB page view uses.

declare module 'foliate-js/epub.js' {
  export interface FoliateSection {
    id: string;
    linear?: string;
    load(): Promise<string | null>;
    unload(): void;
    createDocument(): Promise<Document>;
    /** Resolves a link written in this section to a book path. */
    resolveHref(href: string): string;
  }
  export interface FoliateTocItem {
    label: string;
    href: string;
    subitems?: FoliateTocItem[];
  }
  export interface FoliateLoader {
    loadText(path: string): Promise<string | null> | string | null;
    loadBlob(path: string): Promise<Blob> | Blob;
    getSize(path: string): number;
  }
  export interface FoliateTarget {
    index: number;
    anchor?: (doc: Document) => Range | Element | number | null;
  }
  export class EPUB {
    constructor(loader: FoliateLoader);
    init(): Promise<EPUB>;
    sections: FoliateSection[];
    toc?: FoliateTocItem[];
    dir?: string;
    rendition?: { layout?: string };
    /** Fires 'data' with detail { data, type, name } before each resource becomes a blob: URL. */
    transformTarget: EventTarget;
    resolveHref(href: string): FoliateTarget | null;
    isExternal(href: string): boolean;
    destroy(): void;
  }
}

declare module 'foliate-js/paginator.js' {
  export {};
}
