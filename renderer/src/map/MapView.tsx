import { useCallback, useMemo, useState } from 'react';
import { buildCitationMap, type MapNode } from '../../../app/map/graph';
import { mapToSvg } from '../../../app/map/svg';
import { useIndexRevision, useLibraryIndexes } from '../indexes/use-library-indexes';
import { useCollectionMembers, useCollections, useTags } from '../library/library-hooks';
import { useServices } from '../services/context';
import { useDocuments } from '../store/hooks';
import { MapCanvas } from './MapCanvas';
import { MapList } from './MapList';
import { svgToPng } from './map-export';
import { usePalette } from './map-palette';
import { useMapLayout } from './use-map-layout';
import './map.css';

type Mode = 'map' | 'list';
const MODE_KEY = 'lectern.mapMode';

/** What an Index filter finds a work or person by, when its row is not drawn yet. */
function indexQuery(node: MapNode): string {
  if (node.kind === 'work') return node.detail || node.label.replace(/\s+\d{4}$/u, '');
  return node.label;
}

/**
 * The citation map: the library's sources, the works they cite and the people they name, as a
 * graph to pan, zoom and filter, or as a list. A click on a source opens it; on a work or a
 * person, its Index entry.
 */
export function MapView({ onOpenDocument }: { onOpenDocument: (docId: string, offset?: number) => void }) {
  const { ui, platform, notices } = useServices();
  const documents = useDocuments();
  const revision = useIndexRevision(documents);
  const { indexes, error: indexError } = useLibraryIndexes(revision);
  const collections = useCollections();
  const tags = useTags();
  const [collectionId, setCollectionId] = useState('');
  const [tag, setTag] = useState('');
  const [minSources, setMinSources] = useState(1);
  const [mode, setModeState] = useState<Mode>(() => (localStorage.getItem(MODE_KEY) === 'list' ? 'list' : 'map'));
  const members = useCollectionMembers(collectionId || null);
  const palette = usePalette();

  const map = useMemo(() => {
    if (!indexes || !documents || (collectionId && !members)) return null;
    return buildCitationMap(
      { documents, works: indexes.works, people: indexes.people },
      { docIds: collectionId ? new Set(members) : null, tag: tag || null, minSources },
    );
  }, [indexes, documents, collectionId, members, tag, minSources]);
  const layout = useMapLayout(map);

  const setMode = (next: Mode) => {
    localStorage.setItem(MODE_KEY, next);
    setModeState(next);
  };

  const open = useCallback(
    (node: MapNode) => {
      if (node.kind === 'source' && node.docId) onOpenDocument(node.docId);
      else if (node.kind === 'work' && node.workKey) ui.set({ indexFocus: { tab: 'works', key: node.workKey, query: indexQuery(node) }, view: 'index' });
      else if (node.kind === 'person' && node.personKey) ui.set({ indexFocus: { tab: 'people', key: node.personKey, query: indexQuery(node) }, view: 'index' });
    },
    [onOpenDocument, ui],
  );

  const save = async (format: 'svg' | 'png') => {
    if (!layout.map || !layout.positions) return;
    const name = `citation-map.${format}`;
    try {
      const svg = mapToSvg(layout.map, layout.positions, palette);
      const saved = await platform.saveFile(name, format === 'svg' ? svg : await svgToPng(svg));
      if (!saved.ok) notices.error(saved.error);
      else notices.info(saved.value ? `Saved the map to ${saved.value.path}` : `Downloaded ${name}`);
    } catch {
      notices.error(`Lectern could not draw ${name}. Try the other format, or fewer nodes with the filters.`);
    }
  };

  if (documents && documents.length === 0) {
    return (
      <main className="map-view" aria-label="Citation map">
        <div className="map-empty">
          <h1>Citation map</h1>
          <p>Your library is empty. Import sources in the Library: the map then shows them, the works they cite and the people they name.</p>
        </div>
      </main>
    );
  }

  const counts = map ? { source: 0, work: 0, person: 0, ...Object.fromEntries(['source', 'work', 'person'].map((k) => [k, map.nodes.filter((n) => n.kind === k).length])) } : null;
  const drawn = layout.map && layout.positions ? { map: layout.map, positions: layout.positions } : null;
  const status = indexError ?? layout.error ?? (!map ? 'Reading the library…' : layout.busy ? `Laying out ${map.nodes.length.toLocaleString()} nodes…` : null);

  return (
    <main className="map-view" aria-label="Citation map" aria-busy={!drawn || layout.busy} data-mode={mode}>
      <div className="map-toolbar">
        <div className="map-modes" role="group" aria-label="Show as">
          {(['map', 'list'] as const).map((m) => (
            <button key={m} type="button" className={`view-tab${mode === m ? ' selected' : ''}`} aria-pressed={mode === m} onClick={() => setMode(m)}>
              {m === 'map' ? 'Map' : 'List'}
            </button>
          ))}
        </div>
        <label className="map-filter">
          Collection{' '}
          <select value={collectionId} onChange={(event) => setCollectionId(event.target.value)}>
            <option value="">All sources</option>
            {(collections ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="map-filter">
          Tag{' '}
          <select value={tag} onChange={(event) => setTag(event.target.value)}>
            <option value="">Any tag</option>
            {(tags ?? []).map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag}
              </option>
            ))}
          </select>
        </label>
        <label className="map-filter" title="Works cited or mentioned by fewer sources, and people named in fewer, are left out">
          Cited or named in at least{' '}
          <input type="number" min={1} max={99} value={minSources} onChange={(event) => setMinSources(Math.min(99, Math.max(1, Math.floor(Number(event.target.value) || 1))))} />{' '}
          {minSources === 1 ? 'source' : 'sources'}
        </label>
        <span className="map-spacer" />
        <button type="button" className="button button-small" disabled={!drawn} onClick={() => void save('svg')}>
          Export SVG
        </button>
        <button type="button" className="button button-small" disabled={!drawn} onClick={() => void save('png')}>
          Export PNG
        </button>
      </div>
      <div className="map-legend" aria-label="Legend">
        <span className="map-key map-kind-source">
          <span className="map-swatch" aria-hidden="true" /> Source{counts ? ` (${counts.source})` : ''}
        </span>
        <span className="map-key map-kind-work">
          <span className="map-swatch" aria-hidden="true" /> Cited work{counts ? ` (${counts.work})` : ''}
        </span>
        <span className="map-key map-kind-person">
          <span className="map-swatch" aria-hidden="true" /> Person{counts ? ` (${counts.person})` : ''}
        </span>
        <span className="map-key map-kind-work shared">
          <span className="map-swatch" aria-hidden="true" /> In 2+ sources
        </span>
        <span className="map-key map-line">cites ——</span>
        <span className="map-key map-line">mentions - - -</span>
        <span className="map-key map-line">names · · ·</span>
        <span className="map-status" role="status">
          {status}
        </span>
      </div>
      <div className="map-body">
        {drawn && drawn.map.nodes.length === 0 ? (
          <p className="map-none">Nothing to show: no source passes these filters, or no work is in that many sources.</p>
        ) : drawn ? (
          mode === 'map' ? (
            <MapCanvas map={drawn.map} positions={drawn.positions} palette={palette} onOpen={open} />
          ) : (
            <MapList map={drawn.map} onOpen={open} />
          )
        ) : null}
      </div>
    </main>
  );
}
