/**
 * Generates admin form fields from a module's zod settings schema and reads them back from a submitted form:
 * boolean → checkbox, number → number input, string → text input, enum → select; every field shows its default.
 */
import type { z } from 'zod';

export type SettingValue = string | number | boolean;

export interface SettingField {
	key: string;
	/** The form control name: `${prefix}${key}`. */
	name: string;
	type: 'boolean' | 'number' | 'string' | 'enum';
	value: SettingValue;
	defaultValue: SettingValue | undefined;
	/** `${module}_setting_${snake_key}`; enum options: `${labelKey}_option_${value}`. */
	labelKey: string;
	options?: string[];
	min?: number;
	max?: number;
	integer?: boolean;
	maxLength?: number;
}

// Zod 4 keeps each schema's definition on `_zod.def`; the form needs only these few properties.
interface Inspectable {
	_zod: { def: { type: string; innerType?: Inspectable; defaultValue?: unknown } };
	options?: string[];
	minValue?: number | null;
	maxValue?: number | null;
	isInt?: boolean;
	maxLength?: number | null;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export const settingLabelKey = (moduleName: string, key: string) => `${moduleName}_setting_${snake(key)}`;

/** Unwraps default/optional wrappers and reports the base type of one setting. */
function inspect(schema: Inspectable): { base: Inspectable; defaultValue: unknown } {
	let node = schema;
	let defaultValue: unknown;
	while (node._zod.def.innerType) {
		if (node._zod.def.type === 'default' && defaultValue === undefined) defaultValue = node._zod.def.defaultValue;
		node = node._zod.def.innerType;
	}
	return { base: node, defaultValue };
}

/** The form fields for a settings schema, filled with `values` (already parsed, so defaults are applied). */
export function settingsFields(
	moduleName: string,
	schema: z.ZodObject,
	values: Record<string, unknown>,
	prefix = ''
): SettingField[] {
	return Object.entries(schema.shape).map(([key, field]) => {
		const { base, defaultValue } = inspect(field as unknown as Inspectable);
		const type = base._zod.def.type;
		if (type !== 'boolean' && type !== 'number' && type !== 'string' && type !== 'enum')
			throw new Error(`setting ${moduleName}.${key}: unsupported type ${type} (use boolean, number, string or enum)`);
		return {
			key,
			name: `${prefix}${key}`,
			type,
			value: (values[key] ?? defaultValue ?? (type === 'boolean' ? false : '')) as SettingValue,
			defaultValue: defaultValue as SettingValue | undefined,
			labelKey: settingLabelKey(moduleName, key),
			...(type === 'enum' ? { options: [...(base.options ?? [])] } : {}),
			...(type === 'number'
				? {
						min: base.minValue ?? undefined,
						max: base.maxValue ?? undefined,
						integer: base.isInt ?? false
					}
				: {}),
			...(type === 'string' && base.maxLength != null ? { maxLength: base.maxLength } : {})
		};
	});
}

/**
 * Reads the fields of one schema from a submitted form. A checkbox that is absent means false (the form always
 * renders every boolean); an empty number or text falls back to the default.
 */
export function readSettingsForm(
	schema: z.ZodObject,
	form: FormData | Map<string, string> | Record<string, string | undefined>,
	prefix = ''
): Record<string, unknown> {
	const get = (name: string): string | undefined => {
		if (form instanceof FormData) {
			const v = form.get(name);
			return typeof v === 'string' ? v : undefined;
		}
		if (form instanceof Map) return form.get(name);
		return form[name];
	};
	const out: Record<string, unknown> = {};
	for (const [key, field] of Object.entries(schema.shape)) {
		const { base } = inspect(field as unknown as Inspectable);
		const raw = get(`${prefix}${key}`);
		switch (base._zod.def.type) {
			case 'boolean':
				out[key] = raw === 'on' || raw === 'true';
				break;
			case 'number':
				if (raw !== undefined && raw.trim() !== '') out[key] = Number(raw.trim());
				break;
			default:
				if (raw !== undefined && raw !== '') out[key] = raw.trim();
		}
	}
	return out;
}
