// The core runs in Chromium, Electron and Node alike. These WHATWG globals exist in all three,
// so the core may use them; nothing else outside ES2022 is declared here on purpose.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
