import * as z from 'zod/mini';

// Every schema of the contract, behind the one dynamic import of client.ts: zod builds them when the
// first answer is parsed, not while a page is starting. Taking over the prerendered overview parses no
// answer at all, and building the contract's 55 schemas was a fifth of evaluating the page's code.
export * from './schemas';
export * from './tracking-schemas';

/** 204 No Content: nothing to parse. */
export const noContentSchema = z.undefined();
