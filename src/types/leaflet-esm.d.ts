// Leaflet 1.9.4's `main` is UMD (an empty namespace in the browser); its ESM build has no types
// of its own. This stub gives the ESM file the types of @types/leaflet.
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
