/** Phone numbers to E.164: Romanian national forms (07xx…, 0040…) become +40…; other countries must start with +. */
export function normalizePhone(input: string): string | null {
	const compact = input.trim().replace(/[\s().-]/g, '');
	let e164: string;
	if (/^\+\d+$/.test(compact)) e164 = compact;
	else if (/^00\d+$/.test(compact)) e164 = `+${compact.slice(2)}`;
	else if (/^0\d{9}$/.test(compact)) e164 = `+40${compact.slice(1)}`;
	else return null;
	// Romanian numbers have nine digits after the country code; E.164 allows at most 15 digits in all.
	if (e164.startsWith('+40')) return /^\+40\d{9}$/.test(e164) ? e164 : null;
	return /^\+[1-9]\d{7,14}$/.test(e164) ? e164 : null;
}

/** +40722123456 → +40 7•• ••• 456, for confirmation pages. */
export function maskPhone(e164: string): string {
	return `${e164.slice(0, 4)}${'•'.repeat(Math.max(0, e164.length - 7))}${e164.slice(-3)}`;
}
