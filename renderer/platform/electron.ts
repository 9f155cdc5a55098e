import type { LecternBridge, OpenedFile } from '../../app/ipc/contract';
import type { PickedFile, Platform, PlatformResult } from './platform';

function picked(files: OpenedFile[]): PickedFile[] {
  return files.map((file) => ({ name: file.name, blob: new Blob([new Uint8Array(file.bytes)]) }));
}

/** The desktop implementation: every call goes through the preload bridge. */
export function createElectronPlatform(bridge: LecternBridge): Platform {
  return {
    kind: 'electron',
    handlesShortcuts: true,
    async pickFiles(purpose = 'documents') {
      const result = await bridge.openFiles(purpose);
      if (!result.ok) return result;
      return { ok: true, value: picked(result.value) };
    },
    // The bridge carries text or bytes: a Blob is read into bytes first.
    saveFile: async (defaultName, data) => bridge.saveFile({ defaultName, data: data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data }),
    openExternal: (url) => bridge.openExternal(url),
    bibliography: {
      automatic: true,
      choose: (format) => bridge.chooseBibliographyFile(format),
      current: () => bridge.getBibliographyFile(),
      write: (data) => bridge.writeBibliographyFile(data),
      forget: () => bridge.forgetBibliographyFile(),
    },
    onCommand: (listener) => bridge.onMenuCommand(listener),
    onFilesToOpen(listener) {
      // A stand-in bridge without these (as some tests use) simply never has files waiting.
      const { onFilesWaiting, takeOpenedFiles } = bridge as Partial<LecternBridge>;
      if (!onFilesWaiting || !takeOpenedFiles) return () => undefined;
      const take = () => {
        void takeOpenedFiles().then((result): void => {
          const files: PlatformResult<PickedFile[]> = result.ok ? { ok: true, value: picked(result.value) } : result;
          if (!files.ok || files.value.length > 0) listener(files);
        });
      };
      const unsubscribe = onFilesWaiting(take);
      // The files this launch was started with are waiting already.
      take();
      return unsubscribe;
    },
  };
}
