/**
 * A user-facing text as data: a message-catalog key plus parameters. Stored in the
 * workspace (e.g. undo labels) and translated by the renderer, so no English is baked in.
 */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}
