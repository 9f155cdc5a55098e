import type { FormatImporter } from './format-importer';
import { markdownImporter, plainTextImporter } from './text-formats';

/** Every format Lectern imports. A new format is one module and one line here. */
export const FORMAT_IMPORTERS: readonly FormatImporter[] = [plainTextImporter, markdownImporter];
