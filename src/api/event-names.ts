// The server-sent events' names, apart from their schemas: the stream opens when a screen goes idle,
// and naming the event it listens for must not build the contract's schemas then (contract.ts).

export const UPDATE_APPROVED_EVENT = 'update-approved';
