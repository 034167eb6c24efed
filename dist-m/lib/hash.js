import { hash } from 'node:crypto';
/** The one content hash of the project: SHA-1, base64url. For cache keys and change detection, not security. */
export function hashOf(data) {
    return hash('sha1', data, 'base64url');
}
//# sourceMappingURL=hash.js.map