// Placeholder replaced below once the server build exists.
export default function setup(): void {}
