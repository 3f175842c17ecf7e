// Copies the YASGUI build from node_modules into web/static/yasgui/, where the query page
// serves it from our own origin (no CDN at run time). Run by `make install` after `npm ci`.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, "node_modules", "@zazuko", "yasgui");
const target = join(here, "..", "static", "yasgui");
const { version, license } = JSON.parse(readFileSync(join(source, "package.json"), "utf8"));

mkdirSync(target, { recursive: true });
for (const name of ["yasgui.min.css", "yasgui.min.js"]) {
  // without its sourceMappingURL comment, so browsers do not ask for a map we do not serve
  const text = readFileSync(join(source, "build", name), "utf8");
  writeFileSync(join(target, name), text.replace(/\n?\/[*/]# sourceMappingURL=\S+(?: \*\/)?\s*$/, "\n"));
}
writeFileSync(
  join(target, "README.md"),
  `Built from @zazuko/yasgui ${version} (licence: ${license}) by web/frontend/build.mjs; do not edit.\n` +
    "Rebuilt by `make install`; not committed.\n",
);
console.log(`@zazuko/yasgui ${version} -> ${target}`);
