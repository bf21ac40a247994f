import { chooseView } from './view-chooser';

// The entry the build bundles into index.html's inline script (see vite-plugin.ts).
chooseView(document.currentScript);
