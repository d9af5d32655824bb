import { gridDisk, latLngToCell } from 'h3-js';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { dissolveCells } from './dissolve-cells';
import { boundariesKml, kmlColor, xmlAttribute, xmlText } from './kml-writer';
import type { BoundaryFeature } from './types';

interface XmlNode {
  name: string;
  uri: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses `xml` into a small tree with saxes; throws on any well-formedness error. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlNode = { name: '#document', uri: '', attributes: {}, children: [], text: '' };
  const stack = [root];
  const errors: Error[] = [];
  parser.on('error', (e) => errors.push(e));
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const [k, a] of Object.entries(tag.attributes)) attributes[k] = a.value;
    const node: XmlNode = { name: tag.local, uri: tag.uri, attributes, children: [], text: '' };
    stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    stack[stack.length - 1]!.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (errors.length > 0) throw errors[0];
  return root;
}

function all(node: XmlNode, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

function child(node: XmlNode, name: string): XmlNode {
  const c = node.children.find((n) => n.name === name);
  if (!c) throw new Error(`no <${name}> in <${node.name}>`);
  return c;
}

const tricky = `A & B <C> "D" 'E'`;
const arabic = 'منطقة الشمال';
const chinese = '华北区 🚚';

const features: BoundaryFeature[] = [
  {
    territoryId: 1,
    name: tricky,
    color: '#ff8000',
    attributes: [
      { key: 'name & "key"', value: `${tricky}\u0001\u0008\uFFFE` },
      { key: 'revenue', value: 1234.5 },
      { key: 'rep', value: null },
      { key: 'multi\nline', value: 'one\ntwo\tthree' },
    ],
    polygons: (() => {
      const centre = latLngToCell(45, 5, 6);
      const inner = new Set(gridDisk(centre, 1));
      return dissolveCells(gridDisk(centre, 3).filter((c) => !inner.has(c)));
    })(),
  },
  {
    territoryId: 2,
    name: arabic,
    color: '#00AAff',
    attributes: [{ key: 'الاسم', value: arabic }],
    polygons: dissolveCells(gridDisk(latLngToCell(-17.5, 179.9, 5), 6)),
  },
  { territoryId: 3, name: chinese, color: 'not a colour', attributes: [], polygons: [] },
];

describe('xml escaping', () => {
  it('escapes the five special characters and strips what XML 1.0 forbids', () => {
    expect(xmlText(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&apos;f');
    expect(xmlText('x\u0000\u0001\u001f\uFFFF\uD800y\tz\n')).toBe('xy\tz\n');
    expect(xmlText('🚚 華')).toBe('🚚 華');
    expect(xmlAttribute('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
  });
});

describe('kmlColor', () => {
  it('turns #rrggbb into aabbggrr', () => {
    expect(kmlColor('#ff8000', 0x99)).toBe('990080ff');
    expect(kmlColor('#FF8000', 255)).toBe('ff0080ff');
    expect(kmlColor('#12abEF', 0)).toBe('00efab12');
    expect(kmlColor('red', 0x99)).toBe('99808080');
  });
});

describe('boundariesKml', () => {
  const xml = boundariesKml(features, { name: 'Plan <A> & co', description: 'Territories — 2025' });
  const root = parseXml(xml);
  const kml = root.children[0]!;
  const doc = child(kml, 'Document');

  it('is a well-formed KML 2.2 document with a UTF-8 declaration', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(kml.name).toBe('kml');
    expect(kml.uri).toBe('http://www.opengis.net/kml/2.2');
    expect(child(doc, 'name').text).toBe('Plan <A> & co');
    expect(child(doc, 'description').text).toBe('Territories — 2025');
    expect(() => parseXml(boundariesKml([], { name: 'x' }))).not.toThrow();
  });

  it('writes one style and one placemark per territory, names round trip', () => {
    const placemarks = all(doc, 'Placemark');
    expect(placemarks).toHaveLength(3);
    expect(placemarks.map((p) => child(p, 'name').text)).toEqual([tricky, arabic, chinese]);
    const styles = all(doc, 'Style');
    expect(styles).toHaveLength(3);
    placemarks.forEach((p, i) => {
      expect(child(p, 'styleUrl').text).toBe(`#${styles[i]!.attributes.id}`);
    });
    expect(child(child(styles[0]!, 'PolyStyle'), 'color').text).toBe('990080ff');
    expect(child(child(styles[0]!, 'LineStyle'), 'color').text).toBe('ff0080ff');
    expect(child(child(styles[1]!, 'PolyStyle'), 'color').text).toBe('99ffaa00');
    expect(child(child(styles[2]!, 'PolyStyle'), 'color').text).toBe('99808080');
  });

  it('writes attributes as ExtendedData, forbidden characters stripped', () => {
    const [first, second, third] = all(doc, 'Placemark');
    const data = all(first!, 'Data').map((d) => [d.attributes.name, child(d, 'value').text]);
    expect(data).toEqual([
      ['name & "key"', tricky],
      ['revenue', '1234.5'],
      ['rep', ''],
      ['multi\nline', 'one\ntwo\tthree'],
    ]);
    expect(all(second!, 'Data').map((d) => [d.attributes.name, child(d, 'value').text])).toEqual([['الاسم', arabic]]);
    expect(all(third!, 'ExtendedData')).toHaveLength(0);
  });

  it('writes each territory as a MultiGeometry of polygons with their holes', () => {
    const [first, second, third] = all(doc, 'Placemark');
    const rings = (p: XmlNode) =>
      all(p, 'coordinates').map((c) =>
        c.text
          .trim()
          .split(' ')
          .map((pair) => pair.split(',').map(Number)),
      );
    const polygons = all(first!, 'Polygon');
    expect(polygons).toHaveLength(1);
    expect(all(polygons[0]!, 'innerBoundaryIs')).toHaveLength(1);
    const written = rings(first!);
    const source = features[0]!.polygons.flat();
    expect(written.map((r) => r.length)).toEqual(source.map((r) => r.length));
    written.forEach((ring, r) =>
      ring.forEach(([x, y], k) => {
        expect(Math.abs(x! - source[r]![k]![0])).toBeLessThanOrEqual(5e-8);
        expect(Math.abs(y! - source[r]![k]![1])).toBeLessThanOrEqual(5e-8);
      }),
    );
    expect(all(second!, 'Polygon').length).toBe(features[1]!.polygons.length);
    expect(all(second!, 'Polygon').length).toBeGreaterThan(1);
    for (const ring of rings(second!)) for (const [x] of ring) expect(Math.abs(x!)).toBeLessThanOrEqual(180);
    expect(all(third!, 'MultiGeometry')).toHaveLength(0);
  });
});
