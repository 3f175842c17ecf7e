// Copies the YASGUI build from node_modules into web/static/yasgui/, where the query page
// serves it from our own origin (no CDN at run time). Run by `make install` after `npm ci`.
// `node build.mjs test` (run by `make dev`) copies axe-core and the Nu Html Checker's vnu.jar
// instead, into dist-test/ here: the browser test injects axe-core to check accessibility, and
// tests/web/test_html_valid.py runs vnu.jar (under Java) over the pages; never served, never
// committed.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

function packageOf(name) {
  const source = join(here, "node_modules", ...name.split("/"));
  const { version, license } = JSON.parse(readFileSync(join(source, "package.json"), "utf8"));
  return { source, version, license };
}

// without its sourceMappingURL comment, so browsers do not ask for a map we do not serve
function copyScript(from, to) {
  const text = readFileSync(from, "utf8");
  writeFileSync(to, text.replace(/\n?\/[*/]# sourceMappingURL=\S+(?: \*\/)?\s*$/, "\n"));
}

function buildYasgui() {
  const { source, version, license } = packageOf("@zazuko/yasgui");
  const target = join(here, "..", "static", "yasgui");
  mkdirSync(target, { recursive: true });
  for (const name of ["yasgui.min.css", "yasgui.min.js"]) {
    copyScript(join(source, "build", name), join(target, name));
  }
  writeFileSync(
    join(target, "README.md"),
    `Built from @zazuko/yasgui ${version} (licence: ${license}) by web/frontend/build.mjs; do not edit.\n` +
      "Rebuilt by `make install`; not committed.\n",
  );
  console.log(`@zazuko/yasgui ${version} -> ${target}`);
}

function buildTestAssets() {
  const axe = packageOf("axe-core");
  const vnu = packageOf("vnu-jar");
  const target = join(here, "dist-test");
  mkdirSync(target, { recursive: true });
  copyScript(join(axe.source, "axe.min.js"), join(target, "axe.min.js"));
  copyFileSync(join(vnu.source, "build", "dist", "vnu.jar"), join(target, "vnu.jar"));
  writeFileSync(join(target, ".gitignore"), "# built by `make dev` (web/frontend/build.mjs test)\n*\n");
  writeFileSync(
    join(target, "README.md"),
    `Built from axe-core ${axe.version} (licence: ${axe.license}) and vnu-jar ${vnu.version} ` +
      `(licence: ${vnu.license}) by web/frontend/build.mjs test; do not edit.\n` +
      "axe.min.js for tests/web/test_browser_pages.py, vnu.jar for tests/web/test_html_valid.py " +
      "only: never served, never committed.\n",
  );
  console.log(`axe-core ${axe.version}, vnu-jar ${vnu.version} -> ${target}`);
}

if (process.argv[2] === "test") {
  buildTestAssets();
} else {
  buildYasgui();
}
