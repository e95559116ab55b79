// Types for dev/build-sidebar.mjs, so the TypeScript build and tests can import it.
export interface Page {
  /** The file's name in dist/, without .html. */
  name: string;
  script: string;
  style: string;
  template: string;
  /** Its size budget in bytes. */
  budget: number;
}
export declare const PAGES: readonly Page[];
export declare const SIDEBAR_BUDGET: number;
/** Writes every page into `dist` and returns each one's size in bytes, by name. */
export declare function buildPages(dist?: string): Promise<Record<string, number>>;
