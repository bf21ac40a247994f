// Preloaded into the bench's servers only (node --expose-gc --import): answers the bench, over the IPC
// channel its parent opened, with the process's memory after a full GC. No endpoint, no server code:
// the server the bench measures is the one `npm start` runs.
if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (message?.type !== 'memory') return;
    globalThis.gc?.();
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    process.send({ type: 'memory', id: message.id, rss, heapUsed, heapTotal, external, arrayBuffers });
  });
  // The channel must not keep the server alive: SIGTERM still ends it as it ends `npm start`.
  process.channel?.unref();
}
