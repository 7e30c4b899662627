import { useToastStore } from '../stores/toasts'

// useGuard returns a runner that shows any failure in the toast area and
// resolves to undefined instead of throwing.
export function useGuard() {
  const toasts = useToastStore()
  return async function guard<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn()
    } catch (err) {
      toasts.error(err)
      return undefined
    }
  }
}
