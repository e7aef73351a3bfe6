/** subset-font ships no types; the one call src/lib/fonts/build.ts makes. */
declare module 'subset-font' {
  export default function subsetFont(
    font: Uint8Array,
    text: string,
    options?: { targetFormat?: 'woff2' | 'woff' | 'truetype'; keepFeatures?: string[]; noHinting?: boolean },
  ): Promise<Uint8Array>;
}
