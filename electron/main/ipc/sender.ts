// Who may call the Platform channels: only the main frame of the app window, showing a page of
// the app origin. A frame of another origin (should one ever load despite security.ts), a
// <webview>, a devtools extension or a second webContents gets refused. Read: desktop/desktop
// app/src/main-process/trusted-ipc-sender.ts.
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from '../origin';

let trustedContentsId: number | null = null;

/** index.ts calls this with the one app window's webContents (null when it is closed). */
export function trustWebContents(contents: WebContents | null): void {
  trustedContentsId = contents?.id ?? null;
}

export function isAppSender(event: IpcMainInvokeEvent): boolean {
  try {
    if (trustedContentsId === null || event.sender.id !== trustedContentsId) return false;
    const frame = event.senderFrame;
    // senderFrame is null when the frame navigated away or was destroyed since it sent. A frame
    // with a parent is a subframe: never trusted, whatever it shows. (Compared by `parent`, not
    // by identity with sender.mainFrame, which Electron does not promise to be the same object.)
    if (frame === null || frame.parent !== null) return false;
    return isAppUrl(frame.url);
  } catch {
    return false;
  }
}
