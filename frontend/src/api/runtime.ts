// The Wails runtime functions the window uses, behind this seam like the
// bindings. Outside a Wails window (plain `vite`), they degrade quietly.
import { BrowserOpenURL, ClipboardSetText, OnFileDrop, OnFileDropOff, Quit } from '../../wailsjs/runtime/runtime'
import { externalURL } from '../lib/links'

export function quit(): void {
  try {
    Quit()
  } catch {
    // no Wails bridge: nothing to quit
  }
}

// openExternal opens url in the system browser if it is an http(s) URL (see
// lib/links) and says whether it did. Every link the window opens goes
// through here: the clicks the navigation guard catches (src/navigation.ts)
// and any code that opens one.
export function openExternal(url: string): boolean {
  const safe = externalURL(url)
  if (!safe) return false
  try {
    BrowserOpenURL(safe)
    return true
  } catch {
    return false // no Wails bridge
  }
}

// copyText puts text on the clipboard and says whether it worked.
export async function copyText(text: string): Promise<boolean> {
  try {
    if (await ClipboardSetText(text)) return true
  } catch {
    // no Wails bridge: try the browser's clipboard
  }
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

// onFileDrop calls handle with the paths of files dropped from the file
// manager on an element whose CSS has `--wails-drop-target: drop`. It returns
// the function that stops listening. Outside Wails it does nothing.
export function onFileDrop(handle: (paths: string[]) => void): () => void {
  try {
    OnFileDrop((_x: number, _y: number, paths: string[]) => handle(Array.isArray(paths) ? paths : []), true)
  } catch {
    return () => {}
  }
  return () => {
    try {
      OnFileDropOff()
    } catch {
      // no Wails bridge
    }
  }
}
