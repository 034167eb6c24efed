import { buildModel } from '../model/index.js';
import { updateModel } from '../model/update.js';
export function modelStep(state, parsed, settings, drafts) {
    const key = JSON.stringify([settings, drafts]);
    const last = state.model?.key === key ? state.model.model : undefined;
    const changes = parsed.changes;
    // Many changes (a `git checkout`) cost less as a new model than as updates.
    const few = changes !== undefined && changes.added.length + changes.removed.length <= Math.max(100, parsed.count / 50);
    const model = last && few ? updateModel(last, changes) : buildModel(parsed.entries, settings, { drafts });
    state.model = { key, model };
    if (!last || !few)
        return { model };
    const { added, removed } = changes;
    return {
        model,
        update: { before: last.site.entries, added: added.filter((e) => drafts || !e.draft), touched: new Set([...removed, ...added].map((e) => e.source)) },
    };
}
//# sourceMappingURL=model.js.map