// The Node server's way into the overview (server/vite.config.ts builds it as a second SSR entry,
// dist-server/server/render-overview.js, which the server loads with a dynamic import): the server's
// own source imports nothing from src/features, only this built file, which draws the overview with
// exactly the app's components and puts it into index.html as the demo build does.
export { renderOverview } from './render-overview';
export { withPrerenderedOverview } from './index-html';
