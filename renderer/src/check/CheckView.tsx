/** The quote check (being built): a draft's quotations checked against the library. */
export function CheckView(_props: { onOpenDocument: (docId: string, offset?: number) => void }) {
  return (
    <main className="check-view" aria-label="Quote check">
      <p className="empty-state">The quote check is not ready yet.</p>
    </main>
  );
}
