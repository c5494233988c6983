// Compile every schema in a JSON file with ajv (Draft 2020-12, strict mode, discriminators on)
// and validate the sample instances given with them. Usage: node ajv_check.mjs FILE
// FILE: {"schemas": {name: schema}, "samples": [{"schema": name, "data": ..., "valid": bool}]}
// Prints {"compiled": n, "samples": [{"schema", "valid", "errors"}]} or exits 1 with the error.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fs from "node:fs";

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const ajv = new Ajv2020({ strict: true, discriminator: true, allErrors: true });
addFormats(ajv);
const compiled = {};
for (const [name, schema] of Object.entries(input.schemas)) {
  try {
    compiled[name] = ajv.compile(schema);
  } catch (error) {
    console.error(`${name}: ${error.message}`);
    process.exit(1);
  }
}
const samples = (input.samples || []).map((s) => {
  const validate = compiled[s.schema];
  const valid = validate(s.data);
  return { schema: s.schema, valid, errors: (validate.errors || []).map((e) => `${e.instancePath} ${e.message}`) };
});
console.log(JSON.stringify({ compiled: Object.keys(compiled).length, samples }));
