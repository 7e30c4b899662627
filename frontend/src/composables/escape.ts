import { onBeforeUnmount, onMounted } from 'vue'
import { useUiStore } from '../stores/ui'

// useEscape makes Escape call close while the component is mounted; the most
// recently mounted one wins, so a modal closes before the form under it.
export function useEscape(close: () => void) {
  const ui = useUiStore()
  let off: (() => void) | null = null
  onMounted(() => {
    off = ui.onEscape(close)
  })
  onBeforeUnmount(() => {
    off?.()
  })
}
