/** Whether this browser can draw the WebGL 2 views; checked once, without keeping the context. */
let cached: boolean | null = null;
export function hasWebGL2(): boolean {
  if (cached !== null) return cached;
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    cached = gl !== null;
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
  } catch {
    cached = false;
  }
  return cached;
}
