/** Types shared by the map components and the pages that feed them. */

/** One resource on a MapView; lat/lng null = listed but not on the map. */
export type MapPin = {
	id: string;
	lat: number | null;
	lng: number | null;
	title: string;
	url: string;
	/** A short line such as the neighbourhood or the date. */
	meta?: string;
};
