/**
 * Turns the demo county's files (data/demo-county) into the documents the collections hold, after
 * checking them with shared's config schemas and building the grid tree (which checks parents and levels).
 * Pure: reads nothing itself, so the same mapping seeds the local cloud and a real environment.
 */
import {
  buildGridIndex,
  categoriesFileSchema,
  DEFAULT_POINTS_RULES,
  DEFAULT_REPORT_RATE_LIMITS,
  gridTreeFromFeatures,
  peopleFileSchema,
  regionCollectionSchema,
  regionPathOf,
  serializeGridIndex,
  servicesFileSchema,
  workCalendarFileSchema,
  type CategoriesFile,
  type GridTree,
  type PeopleFile,
  type RegionCollection,
  type ServicesFile,
  type SubscribeTemplates,
  type WorkCalendarFile,
} from '@pingan/shared';

/**
 * The demo's subscribe-message templates (settings/subscribeTemplates): made-up ids, which the local cloud
 * records like any other; a county puts in the ids of the templates it picked in the WeChat console, and
 * maps each of their fields (thing1, phrase2 …) to what fills it (docs/DESIGN.md, "Telling people").
 */
export const DEMO_SUBSCRIBE_TEMPLATES: SubscribeTemplates = {
  miniprogramState: 'formal',
  templates: {
    accepted: { templateId: 'demo-tmpl-report-accepted', fields: { thing1: 'category', phrase2: 'status', time3: 'time', thing4: 'hint' } },
    rejected: { templateId: 'demo-tmpl-report-rejected', fields: { thing1: 'category', phrase2: 'status', time3: 'time', thing4: 'note' } },
    resolved: { templateId: 'demo-tmpl-report-resolved', fields: { thing1: 'category', phrase2: 'status', time3: 'time', thing4: 'note' } },
    closed: { templateId: 'demo-tmpl-report-closed', fields: { thing1: 'category', phrase2: 'status', time3: 'time', thing4: 'hint' } },
    // 居民点单: 接单 tells who is coming and when; 完成 asks to confirm; 确认, 有异议 and 裁定 tell the outcome.
    orderClaimed: {
      templateId: 'demo-tmpl-order-claimed',
      fields: { thing1: 'service', phrase2: 'status', time3: 'slot', name4: 'person', thing5: 'hint' },
    },
    orderCompleted: {
      templateId: 'demo-tmpl-order-completed',
      fields: { thing1: 'service', phrase2: 'status', time3: 'time', thing4: 'note', thing5: 'hint' },
    },
    orderConfirmed: {
      templateId: 'demo-tmpl-order-confirmed',
      fields: { thing1: 'service', phrase2: 'status', time3: 'time', thing4: 'hint' },
    },
    orderDisputed: {
      templateId: 'demo-tmpl-order-disputed',
      fields: { thing1: 'service', phrase2: 'status', time3: 'time', thing4: 'note', thing5: 'hint' },
    },
    orderSettled: {
      templateId: 'demo-tmpl-order-settled',
      fields: { thing1: 'service', phrase2: 'status', time3: 'time', thing4: 'note' },
    },
    // 一键求助: to staff who calls and where (求助 and 升级, and that it was cancelled); to the caller who answered.
    helpRaised: {
      templateId: 'demo-tmpl-help-raised',
      fields: { thing1: 'person', thing2: 'place', phrase3: 'status', time4: 'time', thing5: 'hint' },
    },
    helpEscalated: {
      templateId: 'demo-tmpl-help-escalated',
      fields: { thing1: 'person', thing2: 'place', phrase3: 'status', time4: 'time', thing5: 'hint' },
    },
    helpAcknowledged: {
      templateId: 'demo-tmpl-help-acknowledged',
      fields: { name1: 'person', phrase2: 'status', time3: 'time', thing4: 'note' },
    },
    helpClosed: { templateId: 'demo-tmpl-help-closed', fields: { name1: 'person', phrase2: 'status', time3: 'time', thing4: 'note' } },
    helpCancelled: {
      templateId: 'demo-tmpl-help-cancelled',
      fields: { thing1: 'person', phrase2: 'status', time3: 'time', thing4: 'hint' },
    },
  },
};

export interface SeedDocument {
  _id: string;
  [field: string]: unknown;
}

export interface SeedSet {
  /** Reference data: replaced whole on every seed. */
  replace: Record<string, SeedDocument[]>;
  /** People: created when missing; on a re-seed only these fields are refreshed, so runtime state survives. */
  upsertFields: Record<string, SeedDocument[]>;
  /** Fields written only when a document is created (a resident's joined grid, which a scan later moves). */
  createOnlyFields: Record<string, string[]>;
}

/** The demo county's files, as read from disk and not yet checked. */
export interface RawDemoFiles {
  regions: unknown;
  categories: unknown;
  services: unknown;
  people: unknown;
  workCalendar: unknown;
}

/** The files, checked: every schema holds and the regions make one valid tree. */
export interface DemoFiles {
  regions: RegionCollection;
  categories: CategoriesFile;
  services: ServicesFile;
  people: PeopleFile;
  workCalendar: WorkCalendarFile;
  tree: GridTree;
}

/** Checks the files with shared's schemas; throws naming the file and the first problems. */
export function checkDemoFiles(raw: RawDemoFiles): DemoFiles {
  const regions = parsed('regions.geojson', regionCollectionSchema, raw.regions);
  return {
    regions,
    categories: parsed('categories.json', categoriesFileSchema, raw.categories),
    services: parsed('services.json', servicesFileSchema, raw.services),
    people: parsed('people.json', peopleFileSchema, raw.people),
    workCalendar: parsed('work-calendar.json', workCalendarFileSchema, raw.workCalendar),
    tree: gridTreeFromFeatures(regions.features),
  };
}

function parsed<T>(
  file: string,
  schema: {
    safeParse(
      value: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => `${issue.path.map(String).join('.') || '(file)'}: ${issue.message}`);
  throw new Error(`${file} is not valid: ${problems.join('; ')}`);
}

export function regionDocuments(files: Pick<DemoFiles, 'regions' | 'tree'>): SeedDocument[] {
  const names = new Map(files.regions.features.map((f) => [f.properties.code, f.properties.name]));
  return files.regions.features.map((f) => ({
    _id: f.properties.code,
    code: f.properties.code,
    name: f.properties.name,
    level: f.properties.level,
    parentCode: f.properties.parentCode,
    parentName: f.properties.parentCode === null ? null : (names.get(f.properties.parentCode) ?? null),
    regionPath: regionPathOf(files.tree, f.properties.code),
    households: f.properties.households ?? 0,
    population: f.properties.population ?? 0,
    boundary: f.geometry,
  }));
}

/** The routing index (format pingan-grid-index/1) as JSON text, for storage. */
export function gridIndexText(tree: GridTree): string {
  return serializeGridIndex(buildGridIndex(tree));
}

/** Every document of the demo county, keyed by collection (the routing settings come with the upload). */
export function demoSeedSet(files: DemoFiles): SeedSet {
  const signInLabels = new Map(files.people.demoSignIn.map((d) => [d.id, d.label]));
  return {
    replace: {
      regions: regionDocuments(files),
      categories: files.categories.categories.map((c, i) => ({ _id: c.code, ...c, order: i })),
      services: files.services.services.map((s, i) => ({ _id: s.code, ...s, order: i })),
      settings: [
        { _id: 'pointsRules', ...DEFAULT_POINTS_RULES },
        { _id: 'serviceCatalogue', skills: files.services.skills, groups: files.services.groups },
        // Written out so an admin sees the limits in force and can change them in the database.
        { _id: 'reportRateLimits', ...DEFAULT_REPORT_RATE_LIMITS },
        { _id: 'subscribeTemplates', ...DEMO_SUBSCRIBE_TEMPLATES },
        // The working hours, holidays and 调休 days the clocks of `working` categories count (a report keeps a copy).
        { _id: 'workCalendar', ...files.workCalendar.calendar },
      ],
    },
    upsertFields: {
      users: files.people.people.map((p) => ({
        _id: p.id,
        ...p,
        ...(signInLabels.has(p.id) ? { demoSignInLabel: signInLabels.get(p.id) } : {}),
        // A demo resident has already scanned into their home grid.
        ...(p.roles.includes('resident') && p.gridCodes[0] !== undefined ? { joinedGridCode: p.gridCodes[0] } : {}),
      })),
    },
    // An informant's grids change by reviewInformant (its applications are seeded where missing): a re-seed keeps them.
    createOnlyFields: { users: ['joinedGridCode', 'informantGridCodes'] },
  };
}
