import { useEffect, useRef, type RefObject } from 'react';
import { openChannel, type Channel, type Protocol, type WorkerFactory } from './channel';

/**
 * A worker that lives as long as the component, its typed channel in a ref (null once the
 * component is gone). A worker that fails closes the channel with `failure`, a sentence for the
 * student, which every call waiting on it answers with.
 */
export function useWorkerChannel<Remote extends Protocol>(createWorker: WorkerFactory, failure: string): RefObject<Channel<Remote> | null> {
  const channelRef = useRef<Channel<Remote> | null>(null);
  useEffect(() => {
    const worker = createWorker();
    const channel = openChannel<Remote>(worker);
    worker.addEventListener('error', () => channel.close(failure));
    channelRef.current = channel;
    return () => {
      channelRef.current = null;
      channel.close();
      worker.terminate();
    };
  }, [createWorker, failure]);
  return channelRef;
}
