import type { Plugin } from 'esbuild';
export declare const keepSourceUrls: Plugin;
