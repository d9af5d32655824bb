import type { ToolId } from '../stores/use-app-store';
import { areaDrawing, areaIdle } from './area/area-select';
import { brushIdle } from './brush/idle';
import { brushPainting } from './brush/painting';
import { fillIdle } from './fill/idle';
import { pinDrawing, pinIdle } from './pin/pin-area';
import { selectDragAccount } from './select/drag-account';
import { selectIdle } from './select/idle';
import { splitDrawing, splitIdle } from './split/split-line';
import type { ToolState } from './tool-state';

/** Every tool state by id, and each tool's starting state. */
export const TOOL_STATES: Record<string, ToolState> = Object.fromEntries(
  [
    selectIdle,
    selectDragAccount,
    brushIdle(false),
    brushPainting(false),
    brushIdle(true),
    brushPainting(true),
    areaIdle('lasso'),
    areaDrawing('lasso'),
    areaIdle('rectangle'),
    areaDrawing('rectangle'),
    fillIdle,
    splitIdle,
    splitDrawing,
    pinIdle,
    pinDrawing(false),
    pinDrawing(true),
  ].map((s) => [s.id, s]),
);

export const INITIAL_STATE: Record<ToolId, string> = {
  select: 'select.idle',
  brush: 'brush.idle',
  eraser: 'eraser.idle',
  lasso: 'lasso.idle',
  rectangle: 'rectangle.idle',
  fill: 'fill.idle',
  split: 'split.idle',
  pin: 'pin.idle',
};
