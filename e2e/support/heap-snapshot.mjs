/**
 * Bytes of JavaScript objects in a heap snapshot taken through `cdp` (a CDP session on the page):
 * objects, closures, arrays, strings, numbers. Leaves out compiled code (V8 keeps optimising hot
 * functions for a long while, which is not a leak) and the browser's native records, so a growth here
 * is the app holding on to something.
 */
export async function jsObjectBytes(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')];
  const counted = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'regexp', 'number', 'symbol', 'bigint']);
  let bytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (counted.has(typeNames[nodes[i + typeAt]])) bytes += nodes[i + sizeAt];
  }
  return bytes;
}
