/**
 * A heap snapshot taken through `cdp` (a CDP session on the page), its live bytes by kind:
 * `jsObjects` (objects, closures, arrays, strings, numbers), `code` (what V8 compiles and records
 * about the code: bytecode, machine code, feedback, scope infos; it keeps compiling a long-running
 * page's functions into faster tiers for hundreds of rotations, which is growth but not a leak),
 * `shapes` (V8's hidden classes), `native` (the browser's own records, outside the JS heap), and
 * `jsHeap`, everything live in the JS heap (all but `native`). `codeObjects` counts V8's Code objects
 * (machine code: a function's, one for each tier it reached, and compiled regular expressions), to
 * tell whether that compiling has levelled off.
 * The snapshot collects garbage first, thoroughly, so these are live bytes: unlike the used size of
 * the heap, they do not include garbage allocated since the last collection.
 */
export async function heapBytesByKind(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const { snapshot, nodes, strings } = JSON.parse(chunks.join(''));
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')];
  const objects = new Set(['object', 'closure', 'array', 'string', 'concatenated string', 'sliced string', 'regexp', 'number', 'symbol', 'bigint']);
  const bytes = { jsObjects: 0, code: 0, shapes: 0, native: 0, jsHeap: 0, codeObjects: 0 };
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = typeNames[nodes[i + typeAt]];
    const size = nodes[i + sizeAt];
    if (type === 'native' || type === 'synthetic') {
      bytes.native += size;
      continue;
    }
    bytes.jsHeap += size;
    if (objects.has(type)) bytes.jsObjects += size;
    else if (type === 'code') {
      bytes.code += size;
      if (strings[nodes[i + nameAt]] === 'system / Code') bytes.codeObjects += 1;
    } else bytes.shapes += size;
  }
  return bytes;
}

/** Bytes of JavaScript objects in a heap snapshot (see heapBytesByKind): a growth here is the app holding on to something. */
export async function jsObjectBytes(cdp) {
  return (await heapBytesByKind(cdp)).jsObjects;
}
