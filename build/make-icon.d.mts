// Types for build/make-icon.mjs (used by test/build/icon.test.ts).
export declare const ICO_SIZES: number[];
export declare function renderRgba(size: number): Buffer;
export declare function encodePng(size: number, rgba: Buffer): Buffer;
export declare function encodeIco(images: { size: number; png: Buffer }[]): Buffer;
export declare function makeIcons(): { png: Buffer; ico: Buffer };
