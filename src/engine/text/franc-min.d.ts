/** Types for franc-min@5 (CommonJS: module.exports = detect, with detect.all). */
declare module 'franc-min' {
  interface FrancOptions {
    minLength?: number;
    whitelist?: string[];
    blacklist?: string[];
    only?: string[];
    ignore?: string[];
  }
  interface Franc {
    (text: string, options?: FrancOptions): string;
    all(text: string, options?: FrancOptions): [string, number][];
  }
  const franc: Franc;
  export = franc;
}
