/// <reference lib="webworker" />
import { layoutGraph } from '../../../app/map/layout';
import { openChannel } from '../workers/channel';
import type { MapWorkerProtocol } from './map-protocol';

// A large library's layout takes a noticeable moment: it runs here so the view stays responsive.
openChannel<Record<never, never>, MapWorkerProtocol>(self, {
  layout({ nodes, edges }) {
    const { x, y } = layoutGraph(nodes, edges);
    return { x: Array.from(x), y: Array.from(y) };
  },
});
