/** The build's templates step: compiled once per set of sources. */
import { hashOf } from '../lib/hash.js';
import { compileTemplates } from '../render/templates.js';
export function templatesStep(state, sources) {
    const key = hashOf(JSON.stringify([...sources].map(([name, s]) => [name, s.file, s.text])));
    if (state.templates?.key !== key) {
        const compiled = compileTemplates(sources, { memoizePartials: state.options.keepPartials });
        state.templates = { key, set: compiled.templates, diagnostics: compiled.diagnostics };
    }
    return state.templates;
}
//# sourceMappingURL=templates.js.map