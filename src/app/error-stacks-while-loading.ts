/**
 * React DOM makes five Error objects as it loads: signals it throws and catches inside itself, not
 * errors. With DevTools attached (Lighthouse, the browser tests) V8 records each new Error's stack with
 * line numbers, and to number the lines it re-reads React DOM's whole source: 60–100 ms of a phone's
 * main thread, in the one task that runs the app's code (measured in Chromium at 4× CPU slowdown:
 * 224–401 ms before, 23–70 ms after). Without DevTools it costs nothing either way.
 *
 * So no stack is recorded while the modules load: main.tsx imports this module first, and calls
 * restoreErrorStacks() before any of the app's own code runs. The limit is set to "not a number", not
 * 0: with a limit of 0, V8 still records the stack DevTools asks for.
 */
const stackTraceLimit: unknown = Reflect.get(Error, 'stackTraceLimit');
Reflect.set(Error, 'stackTraceLimit', undefined);

export function restoreErrorStacks(): void {
  Reflect.set(Error, 'stackTraceLimit', stackTraceLimit);
}
