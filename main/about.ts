/** The native About dialog. */
import type { MessageBoxOptions } from 'electron';
import type { AppInfo } from '../app/ipc/contract';

/** Options for dialog.showMessageBox: the app's name and version, nothing fetched from anywhere. */
export function aboutDialogOptions(info: AppInfo): MessageBoxOptions {
  return {
    type: 'info',
    title: `About ${info.name}`,
    message: info.name,
    detail: `Version ${info.version}\nA citation-aware study reader.`,
    buttons: ['OK'],
    noLink: true,
  };
}
