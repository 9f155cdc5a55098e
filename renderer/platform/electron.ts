import type { LecternBridge } from '../../app/ipc/contract';
import type { Platform } from './platform';

/** The desktop implementation: every call goes through the preload bridge. */
export function createElectronPlatform(bridge: LecternBridge): Platform {
  return {
    kind: 'electron',
    handlesShortcuts: true,
    async pickFiles() {
      const result = await bridge.openFiles();
      if (!result.ok) return result;
      return { ok: true, value: result.value.map((file) => ({ name: file.name, blob: new Blob([new Uint8Array(file.bytes)]) })) };
    },
    // The bridge carries text or bytes: a Blob is read into bytes first.
    saveFile: async (defaultName, data) => bridge.saveFile({ defaultName, data: data instanceof Blob ? new Uint8Array(await data.arrayBuffer()) : data }),
    openExternal: (url) => bridge.openExternal(url),
    onCommand: (listener) => bridge.onMenuCommand(listener),
  };
}
