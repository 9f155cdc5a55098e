import { docxImporter } from './docx/docx-importer';
import { epubImporter } from './epub/epub-importer';
import type { FormatImporter } from './format-importer';
import { htmlImporter } from './html/html-importer';
import { pdfImporter } from './pdf/pdf-importer';
import { markdownImporter, plainTextImporter } from './text-formats';

/** Every format Lectern imports. A new format is one module and one line here. */
export const FORMAT_IMPORTERS: readonly FormatImporter[] = [plainTextImporter, markdownImporter, pdfImporter, htmlImporter, docxImporter, epubImporter];
