/** The build's model step: the last model updated with what changed (few changes, same settings), else a new one. */
import type { Settings } from '../config/settings.js';
import type { Entry } from '../parse/entry.js';
import { buildModel, type Model } from '../model/index.js';
import { updateModel } from '../model/update.js';
import type { Parsed } from './parse.js';
import type { BuildState } from './state.js';

export interface ModelStep {
  model: Model;
  /**
   * Set when `model` is the last model updated: the published entries it had before, the
   * published entries the update added, and the files of every entry added or removed.
   */
  update?: { before: readonly Entry[]; added: readonly Entry[]; touched: ReadonlySet<string> };
}

export function modelStep(state: BuildState, parsed: Parsed, settings: Settings, drafts: boolean): ModelStep {
  const key = JSON.stringify([settings, drafts]);
  const last = state.model?.key === key ? state.model.model : undefined;
  const changes = parsed.changes;
  // Many changes (a `git checkout`) cost less as a new model than as updates.
  const few = changes !== undefined && changes.added.length + changes.removed.length <= Math.max(100, parsed.count / 50);
  const model = last && few ? updateModel(last, changes!) : buildModel(parsed.entries, settings, { drafts });
  state.model = { key, model };
  if (!last || !few) return { model };
  const { added, removed } = changes!;
  return {
    model,
    update: { before: last.site.entries, added: added.filter((e) => drafts || !e.draft), touched: new Set([...removed, ...added].map((e) => e.source)) },
  };
}
