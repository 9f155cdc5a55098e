/** The citation map (being built): sources, cited works and people as a graph. */
export function MapView(_props: { onOpenDocument: (docId: string, offset?: number) => void }) {
  return (
    <main className="map-view" aria-label="Citation map">
      <p className="empty-state">The citation map is not ready yet.</p>
    </main>
  );
}
