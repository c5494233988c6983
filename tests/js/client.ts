// A small client compiled against the types openapi-typescript generates from the
// service's /openapi.json, then run against the live service by the contract test.
import type { components } from "./generated/schema.js";

declare const process: { argv: string[]; exit(code: number): never };

type RecordRequest = components["schemas"]["RecordRequest"];
type ApplicationView = components["schemas"]["ApplicationView"];
type Event = RecordRequest["event"];
type Problem = components["schemas"]["Problem"];

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
  console.log(JSON.stringify({ described: describe(body.event), due, state: view.state }));
}

main().catch((error: unknown) => {
  console.error(String(error));
  process.exit(1);
});
