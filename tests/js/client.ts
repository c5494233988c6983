// A small client compiled against the types openapi-typescript generates from the
// service's /openapi.json, then run against the live service by the contract test.
import type { components } from "./generated/schema.js";

declare const process: { argv: string[]; exit(code: number): never };

type RecordRequest = components["schemas"]["RecordRequest"];
type ApplicationView = components["schemas"]["ApplicationView"];
type Event = RecordRequest["event"];
type Problem = components["schemas"]["Problem"];
type DecisionRequest = components["schemas"]["DecisionRequest"];
type DecisionView = components["schemas"]["DecisionView"];
type DecisionEvent = NonNullable<DecisionRequest["decision"]["events"]>[number];
type LawInForce = components["schemas"]["LawInForce"];

// The event union is discriminated: narrowing on `kind` reaches each variant's fields.
export function describe(event: Event): string {
  switch (event.kind) {
    case "extension_approved":
      return `extension of ${event.days} working days on ${event.on}`;
    case "reply_issued":
      return `reply (${event.reply.type}) on ${event.on}`;
    case "consultation_sent":
      return `consultation of ${event.party} on ${event.on}`;
    case "correction_requested":
      return `correction requested, ${event.period_days} days`;
    default:
      return `${event.kind} on ${event.on}`;
  }
}

// The disclosure trail is a discriminated union too.
export function step(event: DecisionEvent): string {
  switch (event.kind) {
    case "approved":
      return `approved ${event.decision}`;
    case "confidentiality_review":
      return `review: ${event.outcome}`;
    case "published":
      return `published on ${event.on}`;
    default:
      return event.kind;
  }
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${problem.code}: ${problem.detail}`);
  }
  return (await response.json()) as T;
}

async function main(): Promise<void> {
  const base = process.argv[2];
  const body: RecordRequest = {
    application: { channel: "in_person", applicant_type: "natural_person", submitted_on: "2026-09-28" },
    event: { kind: "extension_approved", on: "2026-10-20", days: 10 },
    as_of: "2026-10-21",
  };
  const response = await fetch(`${base}/v1/applications/record`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${problem.code}: ${problem.detail}`);
  }
  const view = (await response.json()) as ApplicationView;
  const due: string | null | undefined = view.status.due;

  const trail: DecisionEvent[] = [
    { kind: "confidentiality_review", on: "2026-09-22", outcome: "no_secret" },
    { kind: "approved", on: "2026-09-25", decision: "proactive", item: 1 },
    { kind: "published", on: "2026-10-12" },
  ];
  const decision: DecisionRequest = {
    decision: {
      title: "关于印发某某管理办法的通知",
      formed_on: "2026-09-28",
      document_kind: "normative_document",
      events: trail,
    },
    as_of: "2026-10-20",
  };
  const decided = await post<DecisionView>(`${base}/v1/disclosure/decision`, decision);
  const law = (await (
    await fetch(`${base}/v1/law/litigation.period_months?on=2014-06-03`)
  ).json()) as LawInForce;
  console.log(
    JSON.stringify({
      described: describe(body.event),
      due,
      state: view.state,
      trail: trail.map(step),
      publication_due: decided.publication_deadline?.deadline.due,
      late: decided.timeliness?.late,
      litigation_months: law.in_force?.value,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(String(error));
  process.exit(1);
});
