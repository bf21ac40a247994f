/**
 * A heap snapshot taken through `cdp` (a CDP session on the page), its bytes by kind: `jsObjects`
 * (objects, closures, arrays, strings, numbers), `code` (what V8 compiles: it keeps optimising hot
 * functions for a long while, which is growth but not a leak) and `other` (the browser's native records).
 */
export async function heapBytesByKind(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
  const objects = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'regexp', 'number', 'symbol', 'bigint']);
  const bytes = { jsObjects: 0, code: 0, other: 0 };
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = typeNames[nodes[i + typeAt]];
    bytes[objects.has(type) ? 'jsObjects' : type === 'code' ? 'code' : 'other'] += nodes[i + sizeAt];
  }
  return bytes;
}

/** Bytes of JavaScript objects in a heap snapshot (see heapBytesByKind): a growth here is the app holding on to something. */
export async function jsObjectBytes(cdp) {
  return (await heapBytesByKind(cdp)).jsObjects;
}
