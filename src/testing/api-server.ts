// The mocked API's Node server, for tests that answer one request differently with `server.use()`.
// Feature code may not import mocks/ (ESLint); its tests reach the server through here.
export { server } from '../../mocks/node';
