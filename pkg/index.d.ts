// Types of the roster-rules npm package: written once here, checked by
// `tsc --noEmit --strict` on pkg/test/consumer.ts in the test run, and kept in step
// with the Rust core by tests/pkg_types.rs (the Code union must list every code) and by
// pkg/test/types.test.mjs (every declared field round-trips through the engine, and the
// engine answers with no field that is not declared).
//
// They compile with no DOM and no Node lib (`lib: ["es2022"]`, `types: []`): the few
// host types `init` takes are looked up on `globalThis` (see `HostType`).
//
// Every Outcome is a plain JSON object: exactly what `roster check --json` prints.

// ---------------------------------------------------------------- data model (RULES §1)

export type Role = 'owner' | 'admin' | 'manager' | 'agent';
export type Status = 'pending' | 'active' | 'deactivated';
export type Routing = 'round_robin' | 'sequential' | 'simultaneous' | 'least_busy';

export interface ExtensionRange {
  from: number;
  to: number;
}

export interface Department {
  id: string;
  name: string;
  routing: Routing;
}

export interface WebLogin {
  loginId: string;
  allowedIps?: string[];
  blocked?: boolean;
}

/** A stored user. Missing keys take their defaults when read. */
export interface User {
  id: string;
  name: string;
  email: string;
  /** E.164, for example `+919800000007`. Cannot change once set. */
  mobile: string;
  altMobile?: string;
  /** Digits, no leading zero, inside the account's extension range. */
  extension: string;
  /** Default `agent`. */
  role?: Role;
  /** Default `false`. */
  pro?: boolean;
  /** Default `pending`. */
  status?: Status;
  /** Call-receiving schedule (RULES §4); default `24/7`. */
  schedule?: string;
  /** IANA name; default the account's. */
  timeZone?: string;
  departments?: string[];
  /** Of a deactivated user: the status reactivation returns it to (kept by the engine). */
  previousStatus?: Status;
  webLogin?: WebLogin;
  allowedCallerIds?: string[];
  reportUsers?: string[];
}

/** A user as the engine returns it: every default filled in. */
export interface NormalisedUser extends User {
  role: Role;
  pro: boolean;
  status: Status;
  schedule: string;
  departments: string[];
}

export interface Account {
  plan: string;
  proSeats?: number;
  extensionRange?: ExtensionRange;
  /** Default `Asia/Kolkata`. */
  timeZone?: string;
  sso?: { managedFields?: string[] };
  callerIds?: string[];
  departments?: Department[];
  users: User[];
  /**
   * The number of the next fresh user id (`u<n>`). Ids are never given twice, not even
   * after a delete, so the engine keeps this past every id it has given: store it with
   * the account. Absent: one past the highest `u<n>` of the users.
   */
  nextUserNumber?: number;
}

export type Capability =
  | 'receive_calls'
  | 'panel_login'
  | 'view_own_calls'
  | 'view_reports'
  | 'add_users'
  | 'edit_users'
  | 'deactivate_users'
  | 'delete_users'
  | 'manage_departments'
  | 'manage_billing'
  | 'reset_passwords';

/** How far a granted capability reaches. */
export type Reach = 'all' | 'own_departments' | 'own_department_agents';

/** One column of the matrix: an absent capability is not granted. */
export type Grants = Partial<Record<Capability, Reach>>;

export interface RoleMatrix {
  owner?: Grants;
  admin?: Grants;
  manager?: Grants;
  agent?: Grants;
  /** A user with Pro off or a blocked login. */
  callOnly?: Grants;
}

/** Everything that varies between providers and plans; every key is optional. */
export interface Policy {
  /** Plan name → maximum users (`null`: unlimited). */
  plans?: Record<string, number | null>;
  countDeactivated?: boolean;
  extensionRange?: ExtensionRange;
  reservedExtensions?: string[];
  uniqueMobile?: boolean;
  /** ISO 3166 code for numbers typed without a country code; default `IN`. */
  defaultCountry?: string;
  roles?: RoleMatrix;
  password?: {
    minLength?: number;
    maxLength?: number;
    requireLetter?: boolean;
    requireDigit?: boolean;
    forbidIdentity?: boolean;
  };
  loginIdMin?: number;
  maxImportRows?: number;
  deleteRequiresDeactivation?: boolean;
}

/** The `webLogin` of an add form or an edit patch. */
export interface WebLoginDraft {
  loginId?: string;
  allowedIps?: string[];
  blocked?: boolean;
  /** Checked, never stored, never echoed. */
  password?: string;
}

/** The fields of an add form, or of an edit patch (`null` clears a field). */
export interface UserDraft {
  id?: string;
  name?: string;
  email?: string;
  mobile?: string;
  altMobile?: string | null;
  extension?: string;
  role?: string;
  pro?: boolean;
  schedule?: string;
  timeZone?: string | null;
  departments?: string[];
  webLogin?: WebLoginDraft | null;
  allowedCallerIds?: string[] | null;
  reportUsers?: string[] | null;
}

/** A field `checkField` checks: a user field, or a `webLogin` sub-field. */
export type FieldName = keyof UserDraft | `webLogin.${keyof WebLoginDraft}`;

/** The value a form holds for `field`; `null` is an empty form's. */
export type FieldValue<F extends FieldName> =
  | (F extends `webLogin.${infer K extends keyof WebLoginDraft}` ? WebLoginDraft[K]
    : F extends keyof UserDraft ? UserDraft[F] : never)
  | null;

// ---------------------------------------------------------------- operations (RULES §5)

/** A user id, or `"$system"` for the host itself. */
export type ActorId = string;

export type Op =
  | { type: 'addUser'; actor: ActorId; user: UserDraft }
  | { type: 'editUser'; actor: ActorId; target: string; patch: UserDraft }
  | { type: 'deactivateUser'; actor: ActorId; target: string }
  | { type: 'reactivateUser'; actor: ActorId; target: string }
  | { type: 'deleteUser'; actor: ActorId; target: string }
  | { type: 'replaceUser'; actor: ActorId; target: string; mobile: string }
  | { type: 'passwordReset'; fromEmail: string; target: string }
  | { type: 'seatRequest'; count?: number }
  | { type: 'reachable'; target: string; /** RFC 3339 */ at: string }
  | { type: 'parseSchedule'; text: string }
  | { type: 'editableFields'; actor: ActorId; target: string }
  | { type: 'audit' }
  | { type: 'importUsers'; actor: ActorId; csv: string };

/** What `roster check` reads: the CLI's request. */
export interface Request {
  policy?: Policy;
  account: Account;
  externalEmails?: string[];
  op: Op;
}

// ---------------------------------------------------------------- outcomes (RULES §6)

/** Every violation code: stable API. */
export type Code =
  | 'bad_request'
  | 'required'
  | 'name_invalid'
  | 'email_invalid'
  | 'email_taken'
  | 'email_taken_elsewhere'
  | 'mobile_invalid'
  | 'mobile_taken'
  | 'alt_mobile_same'
  | 'extension_invalid'
  | 'extension_out_of_range'
  | 'extension_taken'
  | 'role_unknown'
  | 'role_requires_pro'
  | 'schedule_invalid'
  | 'schedule_overlap'
  | 'schedule_never_open'
  | 'time_zone_invalid'
  | 'department_unknown'
  | 'no_department'
  | 'login_id_invalid'
  | 'login_id_taken'
  | 'ip_invalid'
  | 'password_weak'
  | 'caller_id_unknown'
  | 'user_unknown'
  | 'id_taken'
  | 'not_permitted'
  | 'role_escalation'
  | 'self_action'
  | 'plan_unknown'
  | 'plan_user_limit'
  | 'pro_seat_limit'
  | 'last_admin'
  | 'mobile_immutable'
  | 'immutable_field'
  | 'sso_managed'
  | 'user_in_routing'
  | 'not_deactivated'
  | 'reset_unregistered_email'
  | 'count_required'
  | 'deactivated'
  | 'outside_schedule'
  | 'csv_invalid'
  | 'too_many_rows'
  | 'too_many_items'
  | 'value_invalid'
  | 'too_many_violations';

export type Severity = 'error' | 'warning';

export type ParamValue = string | number | null;

export interface Violation {
  code: Code;
  /** Path of the field at fault: `email`, `webLogin.allowedIps[1]`. */
  field?: string;
  severity: Severity;
  /** English by default; from the table given to `setMessages` where it has the code. */
  message: string;
  hint?: string;
  /** The data the message is made from. Schedule `offset`s count Unicode code points. */
  params: Readonly<Record<string, ParamValue>>;
  /** `importUsers`: the CSV line (the header is line 1). */
  row?: number;
  /** `audit`: the user at fault. */
  userId?: string;
}

export type Effect =
  | 'invite_sent'
  | 'email_verification_required'
  | 'relogin_suggested'
  | 'password_changed'
  | 'password_reset_sent';

export interface Change {
  /** The user changed (a delete also edits the `reportUsers` of others). */
  userId: string;
  field: string;
  from: unknown;
  to: unknown;
}

export interface ScheduleView {
  canonical: string;
  /** Seven lists, Monday first, of `["HH:MM", "HH:MM"]` open spans (`24:00` ends a day). */
  weekly: Array<Array<[string, string]>>;
}

/** Whether a form field is editable; when it is not, why, in the words (and the
 *  message table) a violation would use. */
export type FieldState =
  | { editable: true }
  | {
      editable: false;
      /** The code that makes the field read-only. */
      reason: Code;
      message: string;
      hint?: string;
      params: Readonly<Record<string, ParamValue>>;
    };

export interface Outcome {
  /** True when no violation is an error. */
  ok: boolean;
  violations: Violation[];
  effects: Effect[];
  /** `addUser` / `editUser` / `replaceUser`: the normalised user. */
  user: NormalisedUser | null;
  changes: Change[];
  /** `replaceUser`: the ordered ops to run. */
  plan?: Op[];
  /** `parseSchedule`. */
  schedule?: ScheduleView;
  /** `editableFields`: one entry per user field. */
  fields?: Record<string, FieldState>;
}

/** A client's messages: code → templates with `{param}` holes. */
export type MessageTable = Record<string, { message: string | string[]; hint?: string | string[] | null }>;

/** Thrown only by the constructor and the setters; `outcome` is the `bad_request`. */
export interface RosterError extends Error {
  name: 'RosterError';
  outcome: Outcome;
}

// ---------------------------------------------------------------- Standard Schema v1

/** The Standard Schema v1 interface (https://standardschema.dev), inlined. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
}

/** A Standard Schema issue with the engine's code and params. */
export interface RosterIssue extends StandardSchemaV1.Issue {
  readonly path?: ReadonlyArray<string | number>;
  readonly code: Code;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly hint?: string;
}

/** Which form a schema validates. */
export type Form =
  | { type: 'addUser'; actor: ActorId; target?: null }
  | { type: 'editUser'; actor: ActorId; target: string };

/** A failed form check: issues with the engine's codes. */
export interface RosterFailure extends StandardSchemaV1.FailureResult {
  readonly issues: ReadonlyArray<RosterIssue>;
}

/** The Standard Schema properties of a form schema (validation is synchronous). */
export interface UserFormProps<Values = UserDraft> extends StandardSchemaV1.Props<Values, Values> {
  readonly validate: (value: unknown) => StandardSchemaV1.SuccessResult<Values> | RosterFailure;
}

/**
 * A form schema: on success the value is the form's value, unchanged. `Values` is the
 * form's own value type (what your form library holds); the engine reads the fields it
 * knows by their `UserDraft` names.
 */
export interface UserFormSchema<Values = UserDraft> extends StandardSchemaV1<Values, Values> {
  readonly '~standard': UserFormProps<Values>;
}

/**
 * What `formValidator` returns for a form that may not be submitted, in the shape
 * TanStack Form's form validators return: rule-level issues (no field: `plan_user_limit`,
 * `not_permitted`) as the form's own error, the others by field name
 * (`webLogin.allowedIps[1]`).
 */
export interface FormValidationError {
  form?: RosterIssue[];
  fields: Record<string, RosterIssue[]>;
}

/** Options of `new Engine`. */
export interface EngineOptions {
  /**
   * Drop the keys of the account the engine does not know (a database row's
   * `createdAt`) instead of refusing the account with `bad_request`. Requests (ops,
   * drafts, patches) stay strict: an unknown key there is always `bad_request`.
   * Default `false`.
   */
  ignoreUnknownKeys?: boolean;
}

// ---------------------------------------------------------------- the API

/** The rules engine over one account; the account and its indexes live in wasm memory. */
export declare class Engine {
  /**
   * Builds the engine. `account` and `policy` may be objects or JSON text.
   * @throws {RosterError} when either is not the right shape.
   * @throws {RosterUsageError} `ROSTER_NOT_INITIALISED` in a browser before `init()`.
   */
  constructor(account: Account | string, policy?: Policy | string | null, options?: EngineOptions);
  /** Checks `op` without changing anything. Never throws for bad data. */
  check(op: Op | string): Outcome;
  /** Checks `op` and carries it out only when the Outcome is ok. Never throws for bad data. */
  apply(op: Op | string): Outcome;
  /**
   * Checks one field as the user types: `field` is a user field or a `webLogin.*`
   * path; `targetId` names the user of an edit form. Only that field's violations.
   */
  checkField<F extends FieldName>(field: F, value: FieldValue<F>, targetId?: string | null): Outcome;
  /** The account now, after every successful `apply`. */
  account(): Account;
  /**
   * Stores a user row as your database has it, replacing the user with its id or
   * appending it. No rule is checked: this is how a cached engine follows writes made by
   * another process. @throws {RosterError} for a row of the wrong shape.
   */
  upsertUser(user: User): void;
  /** Forgets the user `id` (deleted elsewhere); whether there was such a user. */
  removeUser(id: string): boolean;
  /**
   * Moves the account's `nextUserNumber` up to `next`, never down: how a cached engine
   * learns of ids another process gave (deleted ones included), so it never gives them.
   */
  advanceUserNumber(next: number): void;
  /** Emails used in other workspaces (`email_taken_elsewhere`). @throws {RosterError} */
  setExternalEmails(emails: string[]): void;
  /** Messages by code for every Outcome from now on; `null` for English. @throws {RosterError} */
  setMessages(table: MessageTable | null): void;
  /** Whether `actor` holds `capability` over `target` (RULES §3). */
  can(actor: string, capability: Capability, target?: string | null): boolean;
  /** What `actor` may do and how far, or `null` for an unknown user. */
  capabilities(actor: string): Grants | null;
  /** The Standard Schema issues of a form value, or `null` when it may be submitted. */
  formIssues(form: Form, value: unknown): RosterIssue[] | null;
  /**
   * A Standard Schema v1 object for form libraries (React Hook Form's
   * `standardSchemaResolver`, TanStack Form, tRPC), typed with the form's own values.
   * A rule-level issue has no `path`: React Hook Form shows it as `errors.root`.
   */
  schema<Values = UserDraft>(form: Form): UserFormSchema<Values>;
  /**
   * The same issues as a TanStack Form form validator
   * (`validators: { onChange: engine.formValidator(form) }`): rule-level issues reach
   * `form.state.errorMap`, field issues each field. With `schema()` TanStack Form files
   * a path-less issue under a field named `""` instead.
   */
  formValidator<Values = UserDraft>(form: Form): (props: { value: Values }) => FormValidationError | undefined;
  /** Frees the wasm memory now; any later call throws `ROSTER_ENGINE_FREED`. */
  free(): void;
}

/** Parses a call-receiving schedule: canonical form and week, or the violation. */
export declare function parseSchedule(text: string): Outcome;
/** Every capability of the role matrix, in the matrix's order (rows for a capability table). */
export declare function capabilityNames(): Capability[];
/** Every role, least to most powerful (the options of a role picker). */
export declare function roleNames(): Role[];
/** A message table's templates: a string, or alternatives (the first whose `{param}` holes all have values). */
export type Template = string | string[];
/**
 * The English message table: keys `code` or `code.variant` (the variant is a violation's
 * `params.reason` or `params.action`), each `{ message, hint }`. A translation starts here
 * and is passed to `setMessages`.
 */
export declare function englishMessages(): Record<string, { message: Template; hint: Template | null }>;
/**
 * The codes that can end a check: `not_permitted`, `role_escalation` and `self_action`
 * always do, `user_unknown` when its field is `actor` or `target` (at a `reportUsers` item
 * it is a field error like any other, and the rest of the op was checked).
 */
export declare function permissionCodes(): Code[];

/** `error.code` of a call made in a browser before `init()` has loaded the .wasm. */
export declare const NOT_INITIALISED: 'ROSTER_NOT_INITIALISED';
/** `error.code` of a call on an `Engine` after `free()`. */
export declare const ENGINE_FREED: 'ROSTER_ENGINE_FREED';

/** A call the package cannot run where it was made; the message says what to do. */
export interface RosterUsageError extends Error {
  code: typeof NOT_INITIALISED | typeof ENGINE_FREED;
}

/**
 * A host type by its global name, or `never` where the host's lib does not declare it,
 * so these declarations compile without the DOM lib while a page gets the exact types.
 */
type HostType<Name extends string> =
  typeof globalThis extends { [K in Name]: abstract new (...args: any) => infer T } ? T : never;
type WasmModule =
  typeof globalThis extends { WebAssembly: { Module: abstract new (...args: any) => infer M } } ? M : never;

/** Where the .wasm comes from: a URL, a `fetch` Request or Response, its bytes, or a compiled module. */
export type WasmSource =
  | string
  | HostType<'URL'>
  | HostType<'Request'>
  | HostType<'Response'>
  | PromiseLike<HostType<'Response'>>
  | ArrayBuffer
  | ArrayBufferView
  | WasmModule;

/**
 * Loads the .wasm. Browsers: `await init()` once before anything else; the entry your
 * bundler picked knows where the bytes are (pkg/README.md), or pass them. In Node the
 * package is ready at import and this resolves at once. Later calls do nothing.
 */
declare function init(input?: { module_or_path: WasmSource }): Promise<void>;
export { init };
export default init;

/**
 * Loads the .wasm synchronously: from the bytes or module you give, or, in the entries
 * that carry their bytes (Node, `roster-rules/inline`), from those.
 */
export declare function initSync(input?: { module: ArrayBuffer | ArrayBufferView | WasmModule }): void;
