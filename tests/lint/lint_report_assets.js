// Lints the HTML report's assets (reports/html/assets/) as the page uses them:
// the script parts concatenated in page order inside one function (so a name
// defined in one part and used in another is checked, and an unused one is
// found), by ESLint with eslintrc.json; the stylesheet parsed by css-tree,
// each declaration matched against the CSS grammar. Problems are named by
// asset file and line. Run by ctest as lint.report_assets.
//
//   node lint_report_assets.js ESLINTRC ASSET_DIR part.js... -- style.css...
'use strict';
const fs = require('fs');
const path = require('path');
const { CLIEngine } = require('eslint');
const csstree = require('css-tree');

const [eslintrc, dir, ...rest] = process.argv.slice(2);
const split = rest.indexOf('--');
const scripts = split < 0 ? rest : rest.slice(0, split);
const styles = split < 0 ? [] : rest.slice(split + 1);
const problems = [];

// Each part's leading comment is not embedded (cmake/embed_assets.cmake); it
// is linted all the same, and line numbers stay those of the file.
let text = '(function () {\n';
const parts = []; // [first line in text, file]
for (const file of scripts) {
  parts.push([text.split('\n').length, file]);
  text += fs.readFileSync(path.join(dir, file), 'utf8') + '\n';
}
text += '})();\n';
const where = line => {
  let at = parts[0];
  for (const p of parts) if (p[0] <= line) at = p;
  return [at[1], line - at[0] + 1];
};
const engine = new CLIEngine({ useEslintrc: false, configFile: eslintrc });
for (const result of engine.executeOnText(text, 'report.js').results)
  for (const m of result.messages) {
    const [file, line] = where(m.line || 1);
    problems.push(`${file}:${line}:${m.column || 0}: ${m.message} (${m.ruleId || 'parse'})`);
  }

// css-tree 2.3 cannot match values holding var() or the math functions
// (min(), max(), clamp(), calc() of them); those are checked for syntax only.
const unmatchable = /var\(|min\(|max\(|clamp\(/;
for (const file of styles) {
  const css = fs.readFileSync(path.join(dir, file), 'utf8');
  const ast = csstree.parse(css, {
    positions: true,
    onParseError: e => problems.push(`${file}:${e.line}:${e.column}: ${e.message} (css syntax)`),
  });
  csstree.walk(ast, {
    visit: 'Declaration',
    enter(node) {
      if (node.property.startsWith('--')) return; // custom properties hold anything
      const value = csstree.generate(node.value);
      if (unmatchable.test(value)) {
        if (csstree.lexer.checkPropertyName && csstree.lexer.checkPropertyName(node.property))
          problems.push(`${file}:${node.loc.start.line}:${node.loc.start.column}: unknown property ${node.property}`);
        return;
      }
      const m = csstree.lexer.matchDeclaration(node);
      if (m.error)
        problems.push(`${file}:${node.loc.start.line}:${node.loc.start.column}: ${node.property}: ` +
                      `${m.error.message.split('\n')[0]} in "${value}"`);
    },
  });
}

for (const p of problems) console.log(`reports/html/assets/${p}`);
console.log(`${scripts.length} scripts, ${styles.length} stylesheets: ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
