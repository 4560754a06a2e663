// opencc-js declares its subpath entries through package `exports` only, which the project's
// `moduleResolution: node` does not read; the traditional-to-simplified entry has the full entry's API.
declare module 'opencc-js/t2cn' {
  export { Converter } from 'opencc-js';
}
