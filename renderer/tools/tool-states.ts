import type { ToolId } from '../stores/use-app-store';
import { brushIdle } from './brush/idle';
import { brushPainting } from './brush/painting';
import { selectIdle } from './select/idle';
import type { ToolState } from './tool-state';

/** Every tool state by id, and each tool's starting state. */
export const TOOL_STATES: Record<string, ToolState> = Object.fromEntries(
  [selectIdle, brushIdle(false), brushPainting(false), brushIdle(true), brushPainting(true)].map((s) => [s.id, s]),
);

export const INITIAL_STATE: Record<ToolId, string> = {
  select: 'select.idle',
  brush: 'brush.idle',
  eraser: 'eraser.idle',
};
