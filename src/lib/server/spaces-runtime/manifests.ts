/** The registry seen from the spaces code: a module kind → its manifest, or a 404 for an unknown kind. */
import { NotFoundError } from '../platform/result.ts';
import type { AnyModule } from '../platform/modules/define-module.ts';
import { findModule, modules } from '../registry.ts';

export function manifestOf(kind: string): AnyModule {
	const manifest = findModule(kind);
	if (!manifest) throw new NotFoundError('module kind');
	return manifest;
}

/** The kinds an admin can mount, with their name's message key. */
export const mountableKinds = () => modules.map((m) => ({ kind: m.name, titleKey: m.titleKey }));
