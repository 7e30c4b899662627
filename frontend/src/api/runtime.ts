// The Wails runtime functions the window uses, behind this seam like the
// bindings. Outside a Wails window (plain `vite`), they degrade quietly.
import { ClipboardSetText, OnFileDrop, OnFileDropOff, Quit } from '../../wailsjs/runtime/runtime'

export function quit(): void {
  try {
    Quit()
  } catch {
    // no Wails bridge: nothing to quit
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
