/**
 * Client-only helpers shared by PlacePicker and MapView: loads Leaflet on demand (never during SSR), draws the
 * neighbourhood polygons from `/geo/neighbourhoods.geojson`, and the operator's tiles when configured.
 */
import type * as Leaflet from 'leaflet';
import { translate, type Translated } from '#lib/i18n/index.ts';

export type L = typeof Leaflet;

type BaseLayer = {
	bbox: [number, number, number, number];
	attribution: string;
	tiles: { url: string; attribution: string } | null;
	features: { properties: { slug: string; name: Translated } }[];
};

let base: Promise<BaseLayer> | undefined;

export async function loadLeaflet(): Promise<L> {
	const mod = await import('leaflet');
	return (mod.default ?? mod) as L;
}

/**
 * Creates the map in `element` with the base layer; fetched once per page however many maps there are.
 * `highlight` (a neighbourhood slug) draws that one stronger and frames the map on it.
 */
export async function createMap(
	L: L,
	element: HTMLElement,
	locale: string,
	{ highlight }: { highlight?: string } = {}
): Promise<Leaflet.Map> {
	base ??= fetch('/geo/neighbourhoods.geojson').then((r) => r.json() as Promise<BaseLayer>);
	const layer = await base;
	const [west, south, east, north] = layer.bbox;
	// A reader who asked for less motion gets maps that jump instead of sliding and fading.
	const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
	const map = L.map(element, {
		keyboard: true,
		scrollWheelZoom: false,
		attributionControl: true,
		fadeAnimation: !still,
		zoomAnimation: !still,
		markerZoomAnimation: !still
	});
	map.fitBounds([
		[south, west],
		[north, east]
	]);
	if (layer.tiles) L.tileLayer(layer.tiles.url, { attribution: layer.tiles.attribution, maxZoom: 19 }).addTo(map);
	const polygons = L.geoJSON(layer as unknown as GeoJSON.FeatureCollection, {
		style: (feature) =>
			(feature?.properties as { slug?: string } | undefined)?.slug === highlight
				? { color: '#0b0c0c', weight: 3, fillOpacity: 0.15 }
				: { color: '#1d70b8', weight: 1, fillOpacity: 0.06 },
		// Names as tooltips so a sighted user sees which neighbourhood a pin falls in.
		onEachFeature: (feature, l) =>
			l.bindTooltip(translate((feature.properties as { name: Translated }).name, locale).text, { sticky: true }),
		attribution: layer.attribution
	}).addTo(map);
	// Chromium makes every SVG shape with a focus listener a tab stop, and the name tooltips add one: some thirty
	// unnamed stops before anything on the map. The outlines are backdrop (each page names the neighbourhood in its
	// text or its filters), so they leave the tab order.
	polygons.eachLayer((l) => (l as Leaflet.Path).getElement()?.setAttribute('tabindex', '-1'));
	if (highlight)
		polygons.eachLayer((l) => {
			const f = (l as Leaflet.Polygon).feature as GeoJSON.Feature | undefined;
			if ((f?.properties as { slug?: string } | undefined)?.slug === highlight)
				map.fitBounds((l as Leaflet.Polygon).getBounds(), { padding: [16, 16] });
		});
	return map;
}
