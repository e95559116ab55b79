// Types for dev/build-sidebar.mjs, so the TypeScript build and tests can import it.
export declare const SIDEBAR_BUDGET: number;
/** Writes `<dist>/Sidebar.html` and returns its size in bytes. */
export declare function buildSidebar(dist?: string): Promise<number>;
