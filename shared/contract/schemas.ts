import { z } from 'zod';
import type { Command } from '../domain/commands/command';
import { FILE_EXPORT_FORMATS } from './export-api';

/** Runtime schemas for every method's argument; the contract's argument types derive from them. */
const scenarioId = z.number().int().positive();
const territoryId = z.number().int().positive();
const regionId = z.number().int().positive();
const accountId = z.string().max(200);
const empty = z.object({}).strict();
const scenarioName = z.string().min(1).max(200);

const territoryPatch = z
  .object({
    name: z.string().min(1).max(200).optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/).optional(),
    locked: z.boolean().optional(),
    repId: z.string().max(200).nullable().optional(),
    parentId: regionId.nullable().optional(),
  })
  .strict();

const territorySchema = z
  .object({
    id: territoryId,
    name: z.string().min(1).max(200),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
    repId: z.string().max(200).nullable(),
    parentId: regionId.nullable(),
    locked: z.boolean(),
  })
  .strict();

const messageRef = z.object({
  key: z.string().max(100),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const commandSchema: z.ZodType<Command> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z
      .object({
        type: z.literal('territory.assignCells'),
        cells: z.array(z.number().int().nonnegative()).max(10_000_000),
        to: territoryId.nullable(),
      })
      .strict(),
    z.object({ type: z.literal('territory.update'), territoryId, changes: territoryPatch }).strict(),
    z.object({ type: z.literal('territory.create'), territory: territorySchema }).strict(),
    z.object({ type: z.literal('territory.delete'), territoryId }).strict(),
    z.object({ type: z.literal('territory.merge'), from: territoryId, into: territoryId }).strict(),
    z
      .object({ type: z.literal('account.override'), accountIds: z.array(accountId).min(1).max(1_000_000), to: territoryId.nullable() })
      .strict(),
    z.object({ type: z.literal('region.create'), region: z.object({ id: regionId, name: z.string().min(1).max(200) }).strict() }).strict(),
    z
      .object({ type: z.literal('region.update'), regionId, changes: z.object({ name: z.string().min(1).max(200).optional() }).strict() })
      .strict(),
    z.object({ type: z.literal('region.delete'), regionId }).strict(),
    z.object({ type: z.literal('cells.pin'), cells: z.array(z.number().int().nonnegative()).max(10_000_000), pinned: z.boolean() }).strict(),
    z
      .object({ type: z.literal('batch'), commands: z.array(commandSchema).max(100_000), label: messageRef.optional() })
      .strict(),
  ]),
);

const importKind = z.enum(['accounts', 'reps', 'alignment']);
const sourceId = z.string().min(1).max(100);
const jobId = z.number().int().positive();

const importMapping = z
  .object({
    kind: importKind,
    columns: z
      .array(
        z
          .object({
            column: z.string().max(1000),
            role: z.enum(['id', 'name', 'latitude', 'longitude', 'postalCode', 'country', 'measure', 'attribute', 'capacity', 'territory', 'rep', 'region', 'ignore']),
            key: z.string().min(1).max(100).optional(),
            label: z.string().max(200).optional(),
          })
          .strict(),
      )
      .max(2000),
    numberFormat: z.object({ decimal: z.enum(['.', ',']), thousands: z.enum([',', '.', ' ', "'", '']) }).strict(),
    missing: z.enum(['missing', 'zero', 'reject']),
    postalCountry: z.string().max(60).optional(),
  })
  .strict();

export const argSchemas = {
  'app.about': empty,
  'workspace.status': empty,
  'workspace.info': empty,
  'workspace.recent': empty,
  'workspace.create': z.object({ resolution: z.number().int().min(0).max(15) }).strict(),
  'workspace.open': z.object({ recentPath: z.string().min(1).max(4096).optional() }).strict(),
  'workspace.openDemo': empty,
  'workspace.saveAs': empty,
  'workspace.close': empty,
  'workspace.setResolution': z.object({ resolution: z.number().int().min(0).max(15) }).strict(),
  'measure.list': empty,
  'rep.list': empty,
  'scenario.list': empty,
  'scenario.figures': empty,
  'scenario.branch': z.object({ from: scenarioId, name: scenarioName }).strict(),
  'scenario.update': z
    .object({
      scenarioId,
      name: scenarioName.optional(),
      note: z.string().max(10_000).optional(),
      locked: z.boolean().optional(),
      archived: z.boolean().optional(),
    })
    .strict(),
  'scenario.delete': z.object({ scenarioId }).strict(),
  'scenario.setBaseline': z.object({ scenarioId }).strict(),
  'scenario.promote': z.object({ scenarioId }).strict(),
  'scenario.compare': z.object({ base: scenarioId, other: scenarioId }).strict(),
  'scenario.diffCsv': z.object({ base: scenarioId, other: scenarioId, bom: z.boolean().optional() }).strict(),
  'studyArea.get': empty,
  'assignment.get': z.object({ scenarioId }).strict(),
  'territory.list': z.object({ scenarioId }).strict(),
  'region.list': z.object({ scenarioId }).strict(),
  'account.list': empty,
  'balance.start': z
    .object({
      scenarioId,
      mode: z.enum(['build', 'realign', 'local']),
      measures: z
        .array(z.object({ key: z.string().min(1).max(100), weight: z.number().positive().max(1000), tolerance: z.number().min(0).max(10) }).strict())
        .min(1)
        .max(20),
      seed: z.number().int().min(0).max(2 ** 32 - 1),
      touched: z.array(territoryId).max(10_000).optional(),
      territories: z.union([z.literal('current'), z.literal('perRep'), z.object({ count: z.number().int().min(1).max(100_000) }).strict()]).optional(),
      timeLimitMs: z.number().int().min(100).max(600_000).optional(),
    })
    .strict(),
  'balance.state': z.object({ jobId: z.number().int().positive() }).strict(),
  'balance.cancel': z.object({ jobId: z.number().int().positive() }).strict(),
  'balance.proposal': z.object({ jobId: z.number().int().positive() }).strict(),
  'balance.accept': z.object({ jobId: z.number().int().positive() }).strict(),
  'balance.discard': z.object({ jobId: z.number().int().positive() }).strict(),
  'command.execute': z.object({ scenarioId, command: commandSchema }).strict(),
  'command.undo': z.object({ scenarioId }).strict(),
  'command.redo': z.object({ scenarioId }).strict(),
  'history.state': z.object({ scenarioId }).strict(),
  'import.choose': z.object({ kind: importKind }).strict(),
  'import.preview': z.object({ sourceId, kind: importKind, sheet: z.string().max(200).optional() }).strict(),
  'import.start': z
    .object({
      sourceId,
      kind: importKind,
      sheet: z.string().max(200).optional(),
      mapping: importMapping,
      missingRecords: z.enum(['keep', 'remove']).optional(),
      saveMappingAs: z.string().min(1).max(200).optional(),
      scenarioName: z.string().min(1).max(200).optional(),
      fillEmpty: z.boolean().optional(),
    })
    .strict(),
  'import.state': z.object({ jobId }).strict(),
  'import.cancel': z.object({ jobId }).strict(),
  'import.rejects': z.object({ jobId }).strict(),
  'import.mappings': empty,
  'export.file': z
    .object({ scenarioId, format: z.enum(FILE_EXPORT_FORMATS), bom: z.boolean().optional(), ticket: z.number().int().positive().optional() })
    .strict(),
  'export.metrics': z.object({ scenarioId }).strict(),
  'goals.list': z.object({ scenarioId }).strict(),
  'goals.set': z
    .object({
      scenarioId,
      measure: z.string().min(1).max(100),
      total: z.number().min(0).max(1e15),
      basis: z.record(z.string().max(100), z.number().min(0).max(1000)),
      step: z.number().min(0).max(1e12),
    })
    .strict(),
  'goals.setTerritory': z.object({ scenarioId, measure: z.string().min(1).max(100), territoryId, goal: z.number().min(0).max(1e15) }).strict(),
  'goals.recompute': z.object({ scenarioId, measure: z.string().min(1).max(100) }).strict(),
  'actuals.import': z.object({ sourceId }).strict(),
  'actuals.catalog': empty,
  'attainment.get': z
    .object({
      scenarioId,
      measure: z.string().min(1).max(100),
      periods: z.array(z.string().max(40)).max(1000).optional(),
      threshold: z.number().min(0).max(100),
      potential: z.string().max(100).optional(),
    })
    .strict(),
  'export.save': z
    .object({ fileName: z.string().min(1).max(255), bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'expected bytes'), format: z.enum([...FILE_EXPORT_FORMATS, 'png', 'pdf']) })
    .strict(),
} as const;

export type ArgSchemas = typeof argSchemas;
