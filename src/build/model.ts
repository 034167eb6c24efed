/** The build's model step: the last model updated with what changed (few changes, same settings), else a new one. */
import type { Settings } from '../config/settings.js';
import { buildModel, type Model } from '../model/index.js';
import { updateModel } from '../model/update.js';
import type { Parsed } from './parse.js';
import type { BuildState } from './state.js';

export function modelStep(state: BuildState, parsed: Parsed, settings: Settings, drafts: boolean): Model {
  const key = JSON.stringify([settings, drafts]);
  const last = state.model?.key === key ? state.model.model : undefined;
  const changes = parsed.changes;
  // Many changes (a `git checkout`) cost less as a new model than as updates.
  const few = changes !== undefined && changes.added.length + changes.removed.length <= Math.max(100, parsed.entries.length / 50);
  const model = last && few ? updateModel(last, changes!) : buildModel(parsed.entries, settings, { drafts });
  state.model = { key, model };
  return model;
}
