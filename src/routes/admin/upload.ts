/** Reads an uploaded text file from a form field ('' when none was chosen). */
export async function readUpload(value: FormDataEntryValue | null): Promise<string> {
	return value instanceof File && value.size > 0 ? value.text() : '';
}
