/**
 * Resolves in a task of its own, after what is waiting (input, a frame to paint) has run: awaited
 * between steps of long work, so a phone's main thread is never held for the whole of it.
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
