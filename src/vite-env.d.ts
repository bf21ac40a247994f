/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** A real backend's base URL (…/api/v1). When set at build time the mocked API is not started. */
  readonly VITE_API_BASE_URL?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
