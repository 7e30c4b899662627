import { toProblem } from '../lib/problem'

// call runs a binding and turns any failure, including a synchronous throw
// when the Wails bridge is missing, into a rejected Problem.
export async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    throw toProblem(err)
  }
}
