// The Wails runtime functions the window uses, behind this seam like the
// bindings. Outside a Wails window (plain `vite`), they degrade quietly.
import { ClipboardSetText, Quit } from '../../wailsjs/runtime/runtime'

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
