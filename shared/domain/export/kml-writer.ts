/** Territory boundaries as a KML 2.2 document that Google Earth opens. */
import { formatCoordinate } from './geojson-writer';
import type { BoundaryFeature, PolygonRings, Ring } from './types';

/** Characters XML 1.0 does not allow (C0 controls but tab, LF, CR; lone surrogates; U+FFFE/U+FFFF). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const SPECIAL = /[&<>"']/g;
const ATTRIBUTE_SPECIAL = /[&<>"'\t\n\r]/g;
const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Text content for XML: characters XML 1.0 forbids removed, & < > " ' escaped. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(SPECIAL, (c) => ENTITY[c]!);
}

/** An attribute value for XML: as {@link xmlText}, with tab, LF and CR as references so they survive. */
export function xmlAttribute(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(ATTRIBUTE_SPECIAL, (c) => ENTITY[c]!);
}

/**
 * A `#rrggbb` colour as a KML colour: `aabbggrr` hex with the given alpha (0–255).
 * Anything else is taken as mid grey.
 * @example kmlColor('#ff8000', 0x99) // '990080ff'
 */
export function kmlColor(color: string, alpha: number): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  const [r, g, b] = m ? [m[1]!, m[2]!, m[3]!] : ['80', '80', '80'];
  const a = Math.max(0, Math.min(255, Math.round(alpha))).toString(16).padStart(2, '0');
  return `${a}${b}${g}${r}`.toLowerCase();
}

/** Fill opacity of territory polygons (0x99 ≈ 60 %). */
const FILL_ALPHA = 0x99;

function coordinates(ring: Ring): string {
  const parts = new Array<string>(ring.length);
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i]!;
    parts[i] = `${formatCoordinate(p[0])},${formatCoordinate(p[1])}`;
  }
  return `<LinearRing><coordinates>${parts.join(' ')}</coordinates></LinearRing>`;
}

function polygonKml([outer, ...holes]: PolygonRings): string {
  if (!outer) return '';
  const inner = holes.map((h) => `<innerBoundaryIs>${coordinates(h)}</innerBoundaryIs>`).join('');
  return `<Polygon><outerBoundaryIs>${coordinates(outer)}</outerBoundaryIs>${inner}</Polygon>`;
}

function valueText(value: string | number | null): string {
  if (typeof value === 'string') return xmlText(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/**
 * A KML 2.2 document (UTF-8, namespace http://www.opengis.net/kml/2.2): the document's
 * name and optional description, one `<Style>` per territory (outline in its colour, fill
 * in its colour at ~60 % opacity), and one `<Placemark>` per territory with its name, its
 * style, its attributes as `<ExtendedData>` and its polygons as a `<MultiGeometry>` (none
 * for a territory without polygons). Text is escaped and stripped of characters XML 1.0
 * forbids; coordinates are `lon,lat` rounded to 7 decimals.
 */
export function boundariesKml(features: BoundaryFeature[], options: { name: string; description?: string }): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '<Document>',
    `<name>${xmlText(options.name)}</name>`,
  ];
  if (options.description !== undefined) out.push(`<description>${xmlText(options.description)}</description>`);
  features.forEach((f, i) => {
    out.push(
      `<Style id="territory-${i}"><LineStyle><color>${kmlColor(f.color, 0xff)}</color><width>2</width></LineStyle>` +
        `<PolyStyle><color>${kmlColor(f.color, FILL_ALPHA)}</color><fill>1</fill><outline>1</outline></PolyStyle></Style>`,
    );
  });
  features.forEach((f, i) => {
    const data = f.attributes.map((a) => `<Data name="${xmlAttribute(a.key)}"><value>${valueText(a.value)}</value></Data>`).join('');
    const polygons = f.polygons.filter((p) => p.length > 0);
    const geometry = polygons.length > 0 ? `<MultiGeometry>${polygons.map(polygonKml).join('')}</MultiGeometry>` : '';
    out.push(
      `<Placemark><name>${xmlText(f.name)}</name><styleUrl>#territory-${i}</styleUrl>` +
        (data ? `<ExtendedData>${data}</ExtendedData>` : '') +
        `${geometry}</Placemark>`,
    );
  });
  out.push('</Document>', '</kml>', '');
  return out.join('\n');
}
