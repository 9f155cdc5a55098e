import { useEffect, useState } from 'react';
import type { CslItem } from '../../../app/documents/model';
import { loadExport } from '../citations/styles';

/** Works formatted per pass; between passes the view gets to paint and respond. */
const BATCH = 15;

/**
 * Each work's reference in `style`, as citeproc HTML by work key, filled in batch by batch
 * (about 4 ms a work): rows show their printed entry until theirs is ready. A work the
 * style cannot format keeps its printed entry.
 */
export function useFormattedWorks(works: readonly { key: string; csl: CslItem }[] | null, style: string): ReadonlyMap<string, string> {
  const [formatted, setFormatted] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!works) return;
    let live = true;
    const done = new Map<string, string>();
    setFormatted(new Map());
    void loadExport().then(async (exporter) => {
      for (let at = 0; at < works.length && live; at += BATCH) {
        for (const work of works.slice(at, at + BATCH)) {
          const result = exporter.formatBibliography([work.csl], style, { output: 'html' });
          if (result.ok) done.set(work.key, result.value);
        }
        if (!live) return;
        setFormatted(new Map(done));
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    });
    return () => {
      live = false;
    };
  }, [works, style]);
  return formatted;
}
